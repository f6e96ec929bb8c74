using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Interviews, turns and reports for the storage contract tests.</summary>
internal static class StorageTestData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Every character class table keys and URLs choke on: separators, query and fragment marks, controls, emoji.</summary>
    public const string Hostile = "a/b\\c#d?e%f'g\"h\u0000i\u0001j\u001fk\u007fl\u0085m\u200bn 😀 ünï";

    public static Interview Interview(
        string id,
        string conversationId = "conv-1",
        string candidateId = "U-candidate",
        string profileId = "backend-senior",
        DateTimeOffset? createdAt = null,
        string? workingAnswer = null,
        int answers = 0)
    {
        var created = createdAt ?? Start;
        return new Interview
        {
            Id = id,
            ProfileId = profileId,
            Candidate = new Participant(candidateId, "Ada Candidate"),
            CandidateConversation = new ConversationAddress { ChannelId = "msteams", ConversationId = conversationId, ServiceUrl = "https://smba.example/emea/", TenantId = "tenant-1" },
            Recruiter = new Participant("U-recruiter", "Rita Recruiter"),
            CreatedAt = created,
            Position = new PlanPosition
            {
                PlanVersion = profileId + "@3f2a9c:14",
                Phase = Phase.CustomQuestions,
                ItemIndex = 2,
                StepIndex = 1,
                WorkingAnswer = workingAnswer,
                ProbedFocus = ["metrics", "trade-offs"],
            },
            Record = new InterviewRecord
            {
                Status = InterviewStatus.InProgress,
                Knockouts = [new KnockoutResult("ko-rights", "yes", true)],
                Answers = [.. Enumerable.Range(0, answers).Select(i => Answer($"q-{i}", depth: i % 6))],
                RecentMessageIds = ["m-1", "m-2"],
                NextTranscriptSequence = 7,
                StartedAt = created,
                LastActivityAt = created.AddMinutes(5),
                ExpiresAt = created.AddDays(7),
            },
        };
    }

    /// <summary>A judged answer with every field set, text with quotes and accents included.</summary>
    public static AnswerRecord Answer(string questionId, double depth) => new()
    {
        QuestionId = questionId,
        Kind = QuestionKind.Custom,
        Phase = Phase.CustomQuestions,
        Judgment = Judgment.Create(depth, depth, areasCovered: ["idempotency"], areasMissing: ["retries"], evidenceQuote: "I'd use an \"outbox\" table — naïvely.", needsFollowUp: depth < 3),
        AnswerLength = 120,
        AnswerTime = TimeSpan.FromSeconds(95),
        FollowUpsAsked = depth < 3 ? 1 : 0,
    };

    public static TranscriptTurn Turn(string interviewId, long sequence, string? text = null) => new()
    {
        InterviewId = interviewId,
        Sequence = sequence,
        Timestamp = Start.AddSeconds(sequence),
        Speaker = sequence % 2 == 0 ? Speaker.Bot : Speaker.Candidate,
        Phase = Phase.CustomQuestions,
        QuestionId = "q-" + (sequence / 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Text = text ?? $"Turn number {sequence}.",
        AnswerLatency = sequence % 2 == 0 ? null : TimeSpan.FromSeconds(30 + sequence),
    };

    /// <summary>A report whose scorecard quotes <paramref name="quoteCount"/> answers of <paramref name="quoteLength"/> chars.</summary>
    public static StoredReport Report(string interviewId, int quoteCount = 2, int quoteLength = 80, DateTimeOffset? postedAt = null) => new(
        interviewId,
        new Scorecard
        {
            InterviewId = interviewId,
            ProfileId = "backend-senior",
            ProfileTitle = "Senior Backend Developer",
            CandidateName = "Ada Candidate",
            Outcome = InterviewStatus.Completed,
            CompositeScore = 78,
            Recommendation = Recommendation.Yes,
            Confidence = 0.82,
            CoveragePercent = 100,
            Strengths = ["Explains idempotency with concrete examples"],
            Risks = ["Little exposure to queues"],
            NotableQuotes = [.. Enumerable.Range(0, quoteCount).Select(i => new Quote("q-" + i, LongText(quoteLength, seed: i)))],
            SuggestedNextStep = "Technical interview with the platform team.",
            Summary = "Solid fundamentals, clear communicator.",
            JudgeDescription = "offline rubric judge",
            StartedAt = Start,
            CompletedAt = Start.AddMinutes(42),
        },
        Start.AddMinutes(43),
        postedAt,
        postedAt is null ? null : "1712345678.000100");

    /// <summary>
    /// Text of exactly <paramref name="length"/> UTF-16 chars that mixes ASCII, accents, emoji (surrogate pairs, so
    /// chunk boundaries must not split them), control characters and JSON-special characters.
    /// </summary>
    public static string LongText(int length, int seed = 0)
    {
        const string Alphabet = "The quick brown fox jumps over the lazy dog. Ünïcödé ✓ 😀 \"quoted\" back\\slash tab\t new\nline \u0001 ";
        var text = new System.Text.StringBuilder(length + 2);
        for (var i = seed; text.Length < length; i++)
        {
            text.Append(Alphabet[i % Alphabet.Length]);
        }

        // Cut to length without leaving half a surrogate pair at the end.
        text.Length = length;
        if (char.IsHighSurrogate(text[^1]))
        {
            text[^1] = 'x';
        }

        return text.ToString();
    }

    /// <summary>Records hold lists, which have no value equality: compare what would be stored.</summary>
    public static string Json<T>(T value) => DialogsJson.Serialize(value);
}
