using ScreeningBot.Bot.Tests.Rendering;
using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>Finished, scored screens whose scorecard was posted to a hiring conversation: what recruiters decide on.</summary>
internal static class DecisionTestData
{
    public const string InterviewId = "iv-abcdefghijklmnopqrst";

    /// <summary>Stores a completed interview of <paramref name="candidateId"/> and its posted scorecard (message <paramref name="postedMessageId"/>).</summary>
    public static async Task<Interview> SeedFinishedAsync(
        IInterviewStore interviews,
        IReportStore reports,
        ConversationAddress hiring,
        string postedMessageId,
        string id = InterviewId,
        string candidateId = "U-candidate",
        string candidateName = "Jane Doe",
        int score = 78,
        Recommendation recommendation = Recommendation.Yes,
        double confidence = 0.82,
        string profileId = "backend-senior",
        DateTimeOffset? endedAt = null,
        ConversationAddress? candidateConversation = null)
    {
        var seeded = StorageTestData.Interview(id, conversationId: "dm-" + id, candidateId: candidateId, profileId: profileId);
        var ended = endedAt ?? StorageTestData.Start.AddHours(1);
        var interview = seeded with
        {
            Candidate = new Participant(candidateId, candidateName),
            HiringConversation = hiring,
            CandidateConversation = candidateConversation ?? seeded.CandidateConversation,
            Position = seeded.Position with { Phase = Phase.Closing },
            Record = seeded.Record with { Status = InterviewStatus.Completed, EndedAt = ended },
        };
        await interviews.CreateAsync(interview, CancellationToken.None);
        var scorecard = ScorecardFixtures.Typical with
        {
            InterviewId = id,
            ProfileId = profileId,
            CandidateName = candidateName,
            CompositeScore = score,
            Recommendation = recommendation,
            Confidence = confidence,
            CompletedAt = ended,
        };
        await reports.SaveAsync(new StoredReport(id, scorecard, ended, ended, postedMessageId), CancellationToken.None);
        return interview;
    }
}
