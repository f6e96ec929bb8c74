namespace ScreeningBot.Dialogs.Storage;

/// <summary>What a retention purge or a candidate's erasure (<c>forget</c>) deleted.</summary>
/// <param name="InterviewIds">The interviews deleted, each with its transcript and report.</param>
/// <param name="TranscriptTurns">Transcript turns deleted across those interviews.</param>
/// <param name="Reports">Reports (scorecards) deleted.</param>
public sealed record ErasureReport(IReadOnlyList<string> InterviewIds, int TranscriptTurns, int Reports)
{
    public static ErasureReport Empty { get; } = new([], 0, 0);

    /// <summary>Self-identification records deleted (kept apart from the interviews, see <see cref="SelfIdentification"/>).</summary>
    public int SelfIdentifications { get; init; }

    /// <summary>Webhook dead letters deleted (kept by the host beside the stores, bot/Storage/IWebhookDeadLetterStore.cs).</summary>
    public int WebhookDeadLetters { get; init; }

    public int Interviews => InterviewIds.Count;
}
