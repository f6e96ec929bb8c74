using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Scoring;

/// <summary>Finished interviews on <see cref="SampleProfiles.Backend"/> for the scoring tests: the answers vary, the rest is fixed.</summary>
internal static class ScoringSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The kind of a question of <see cref="SampleProfiles.Backend"/> by its id.</summary>
    public static QuestionKind KindOf(string questionId) =>
        questionId switch { "api" or "incident" => QuestionKind.Custom, "cache" => QuestionKind.Blueprint, _ => QuestionKind.BlueprintFollowUp };

    /// <summary>The candidate's transcript line answering <paramref name="questionId"/>.</summary>
    public static TranscriptTurn Turn(string questionId, string text, int sequence) =>
        new() { InterviewId = "iv-1", Sequence = sequence, Timestamp = Start, Speaker = Speaker.Candidate, Phase = Phase.CustomQuestions, QuestionId = questionId, Text = text };

    /// <summary>Jane's 40-minute interview with <paramref name="answers"/>, both knockouts passed.</summary>
    public static Interview Interview(IReadOnlyList<AnswerRecord> answers, InterviewStatus status) => new()
    {
        Id = "iv-1",
        ProfileId = SampleProfiles.Backend.Id,
        Candidate = new Participant("u1", "Jane Doe"),
        CandidateConversation = new ConversationAddress { ChannelId = "test", ConversationId = "c1" },
        CreatedAt = Start,
        Position = new PlanPosition { PlanVersion = "v" },
        Record = new InterviewRecord
        {
            Status = status,
            StartedAt = Start,
            EndedAt = Start.AddMinutes(40),
            ExpiresAt = Start.AddDays(7),
            Answers = answers,
            Knockouts = [new KnockoutResult("api-years", "5", true), new KnockoutResult("start-date", "2026-12-01", true)],
        },
    };
}
