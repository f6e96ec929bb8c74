using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Testing;

/// <summary>
/// A finished screen built answer by answer, for scorecard tests: the candidate's transcript turns, their answer
/// records, and the completed interview <see cref="InterviewId"/> of Jane Doe that holds them.
/// </summary>
/// <param name="start">When the interview started; every turn is stamped with it.</param>
public sealed class FinishedScreen(DateTimeOffset start)
{
    public const string InterviewId = "iv-1";

    public List<TranscriptTurn> Transcript { get; } = [];

    public List<AnswerRecord> Answers { get; } = [];

    /// <summary>The candidate answered <paramref name="questionId"/> with <paramref name="text"/>, judged <paramref name="judgment"/>.</summary>
    public void Answer(string questionId, QuestionKind kind, Phase phase, string text, Judgment judgment)
    {
        Transcript.Add(new TranscriptTurn
        {
            InterviewId = InterviewId, Sequence = Transcript.Count, Timestamp = start, Speaker = Speaker.Candidate, Phase = phase, QuestionId = questionId, Text = text,
        });
        Answers.Add(new AnswerRecord { QuestionId = questionId, Kind = kind, Phase = phase, Judgment = judgment, AnswerLength = text.Length });
    }

    /// <summary>The completed interview on <paramref name="profileId"/> with the answers so far, <paramref name="duration"/> long.</summary>
    public Interview Interview(string profileId, TimeSpan duration, IReadOnlyList<KnockoutResult>? knockouts = null) => new()
    {
        Id = InterviewId,
        ProfileId = profileId,
        Candidate = new Participant("u1", "Jane Doe"),
        CandidateConversation = new ConversationAddress { ChannelId = "test", ConversationId = "c1" },
        CreatedAt = start,
        Position = new PlanPosition { PlanVersion = "v" },
        Record = new InterviewRecord
        {
            Status = InterviewStatus.Completed,
            StartedAt = start,
            EndedAt = start + duration,
            ExpiresAt = start.AddDays(7),
            Answers = [.. Answers],
            Knockouts = knockouts ?? [],
        },
    };
}
