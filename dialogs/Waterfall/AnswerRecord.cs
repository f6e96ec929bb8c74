using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>The final judgment of one question (custom, blueprint main question or follow-up, language).</summary>
public sealed record AnswerRecord
{
    public required string QuestionId { get; init; }

    public required QuestionKind Kind { get; init; }

    public required Phase Phase { get; init; }

    public required Judgment Judgment { get; init; }

    /// <summary>Characters the candidate wrote for this question (with follow-ups), for confidence.</summary>
    public int AnswerLength { get; init; }

    /// <summary>How long the candidate took, summed over the question and its follow-ups (pauses excluded).</summary>
    public TimeSpan AnswerTime { get; init; }

    /// <summary>Adaptive follow-ups asked for it (custom questions).</summary>
    public int FollowUpsAsked { get; init; }

    /// <summary>True when the candidate skipped it ("skip", "pass", "I don't know").</summary>
    public bool Skipped { get; init; }

    /// <summary>Sentence fingerprints of what the candidate wrote for it, to recognise the same answer given again (see <c>TurnIntegrity</c>).</summary>
    /// <remarks>Empty, never null, in answers stored before fingerprints existed (a missing property reads as null).</remarks>
    public IReadOnlyList<long> Fingerprints { get; init => field = value ?? []; } = [];
}
