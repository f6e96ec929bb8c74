using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Testing;

/// <summary>
/// An interview as the bot stored it before the split of its state (schema version 1), from <c>tests/Payloads/stored</c>
/// (see the README there): on <see cref="SampleProfiles.Backend"/>, waiting on the follow-up of the second custom question.
/// </summary>
public static class SchemaOneInterview
{
    public const string Id = "iv-zh2zhr46dxbcjbsbyuim";

    /// <summary>The candidate's conversation key, as <see cref="ConversationFlow"/> and the stored document name it.</summary>
    public const string ConversationKey = "test:candidate-1";

    /// <summary>Sequence of the first of the two lines still in the stored outbox (written by the next turn).</summary>
    public const long FirstOutboxSequence = 13;

    public static string Json => File.ReadAllText(PathOf("interview-schema-1.json"));

    /// <summary>The whole transcript as stored, lines 0 to 14.</summary>
    public static IReadOnlyList<TranscriptTurn> Transcript =>
        [.. System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf("interview-schema-1.transcript.json"))).RootElement.EnumerateArray()
            .Select(line => DialogsJson.Deserialize<TranscriptTurn>(line.GetRawText()))];

    private static string PathOf(string file) => Path.Combine(RepositoryPaths.Root, "tests", "Payloads", "stored", file);

    /// <summary>When the stored interview was last active; a service continuing it runs a little later, well before it expires.</summary>
    public static DateTimeOffset LastActivity { get; } = new(2026, 11, 2, 9, 8, 50, TimeSpan.Zero);

    /// <summary>The candidate's remaining answers: the pending follow-up, then the blueprint question and its two follow-ups.</summary>
    public static IReadOnlyList<string> RemainingAnswers { get; } =
    [
        "We lost the payments queue for twenty minutes; error rate went from 0.1% to 4% and p95 from 120 ms to 2 s, and back after the fix.",
        "Cache-aside in Redis with a TTL of five minutes, warmed on deploy.",
        "Delete the key on write through the outbox so the invalidation is never lost.",
        "Request coalescing with a per-key lock and jittered TTLs prevents the stampede.",
    ];

    /// <summary>Sends <see cref="RemainingAnswers"/> through <paramref name="service"/> as messages <c>m-5</c>…; returns each turn's result.</summary>
    public static async Task<IReadOnlyList<InterviewTurnResult>> AnswerTheRestAsync(InterviewService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var results = new List<InterviewTurnResult>();
        for (var i = 0; i < RemainingAnswers.Count; i++)
        {
            results.Add(await service.HandleMessageAsync(ConversationKey, new IncomingMessage(RemainingAnswers[i], $"m-{i + 5}"), CancellationToken.None));
        }

        return results;
    }

    /// <summary>
    /// The interview continued where it was stored and finished: every answer judged once, the follow-up counted against the
    /// question it belonged to, and a transcript that keeps the stored lines and runs on without a gap or a repeat.
    /// </summary>
    public static void AssertFinished(Interview interview, IReadOnlyList<TranscriptTurn> transcript)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(transcript);
        Xunit.Assert.Equal(InterviewStatus.Completed, interview.Record.Status);
        Xunit.Assert.Equal(["api", "incident", "cache", "cache.f1", "cache.f2"], interview.Record.Answers.Select(a => a.QuestionId));
        Xunit.Assert.Equal(1, interview.Record.Answers.Single(a => a.QuestionId == "incident").FollowUpsAsked);
        Xunit.Assert.Equal(["api-years", "start-date"], interview.Record.Knockouts.Select(k => k.KnockoutId));
        Xunit.Assert.Equal(Enumerable.Range(0, transcript.Count).Select(i => (long)i), transcript.Select(t => t.Sequence));
        Xunit.Assert.Equal(interview.Record.NextTranscriptSequence, transcript.Count);
        Xunit.Assert.Equal(Transcript.Select(DialogsJson.Serialize), transcript.Take(Transcript.Count).Select(DialogsJson.Serialize));
        Xunit.Assert.Equal(RemainingAnswers, transcript.Skip(Transcript.Count).Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text));
    }
}
