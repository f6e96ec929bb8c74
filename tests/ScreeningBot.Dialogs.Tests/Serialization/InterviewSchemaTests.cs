using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Serialization;

/// <summary>Stored interviews of every schema version load as the current shape; those stored before the split continue.</summary>
public sealed class InterviewSchemaTests
{
    [Fact]
    public void Read_SchemaOneDocument_PutsPositionAndRecordWhereTheyBelong()
    {
        var sut = InterviewSchema.Read(SchemaOneInterview.Json);

        Assert.Equal(Interview.CurrentSchemaVersion, sut.SchemaVersion);
        Assert.Equal((SchemaOneInterview.Id, "sample-backend", "Jane Doe", "Rita"), (sut.Id, sut.ProfileId, sut.Candidate.Name, sut.Recruiter!.Name));
        Assert.Equal(SchemaOneInterview.ConversationKey, sut.ConversationKey);
        Assert.Equal("sample-backend@sample-v1:7", sut.Position.PlanVersion);
        Assert.Equal((Phase.CustomQuestions, 4, 1), (sut.Position.Phase, sut.Position.ItemIndex, sut.Position.StepIndex));
        Assert.Equal("incident", sut.Position.Pending!.Prompt.QuestionId);
        Assert.Equal(1, sut.Position.Pending.ResumeAt);
        Assert.Equal("A vague sort of outage, we fixed it.", sut.Position.WorkingAnswer);
        Assert.Equal((1, TimeSpan.FromMinutes(3)), (sut.Position.FollowUpsAsked, sut.Position.WorkingAnswerTime));
        Assert.Equal(["metrics"], sut.Position.ProbedFocus);
        Assert.Equal(InterviewStatus.InProgress, sut.Record.Status);
        Assert.Equal("api", Assert.Single(sut.Record.Answers).QuestionId);
        Assert.Equal([("api-years", "5", true), ("start-date", "2026-11-16", true)], sut.Record.Knockouts.Select(k => (k.KnockoutId, k.AnswerText, k.Passed)));
        Assert.Equal(["m-1", "m-2", "m-3", "m-4"], sut.Record.RecentMessageIds);
        Assert.Equal([13L, 14L], sut.Record.TranscriptOutbox.Select(t => t.Sequence));
        Assert.Equal(15, sut.Record.NextTranscriptSequence);
        Assert.Equal(SchemaOneInterview.LastActivity, sut.Record.LastActivityAt);
    }

    [Fact]
    public void Read_CurrentDocument_RoundTripsUnchanged()
    {
        var upgraded = InterviewSchema.Read(SchemaOneInterview.Json);
        var json = DialogsJson.Serialize(upgraded);

        var sut = InterviewSchema.Read(json);

        Assert.StartsWith("{\"schemaVersion\":2,", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\"", json, StringComparison.Ordinal);
        Assert.Equal(json, DialogsJson.Serialize(sut));
    }

    [Fact]
    public void Read_DocumentOfANewerBot_RefusesNamingBothVersions()
    {
        var newer = DialogsJson.Serialize(InterviewSchema.Read(SchemaOneInterview.Json)).Replace("{\"schemaVersion\":2,", "{\"schemaVersion\":9,", StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() => InterviewSchema.Read(newer));

        Assert.Contains("schema version 9", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"id\":\"iv-1\"}")]
    public void Read_NotAnInterview_ThrowsJsonException(string json)
    {
        Assert.Throws<JsonException>(() => InterviewSchema.Read(json));
    }

    [Fact]
    public async Task SchemaOneInterview_WithItsOutboxNotYetWritten_ContinuesToTheEndAndWritesTheOutboxOnce()
    {
        var time = new FakeTimeProvider(SchemaOneInterview.LastActivity.AddMinutes(2));
        var interviews = new InMemoryInterviewStore();
        var transcripts = new InMemoryTranscriptStore();
        await interviews.CreateAsync(InterviewSchema.Read(SchemaOneInterview.Json), CancellationToken.None);

        // As if the old bot stopped between saving the turn and writing its lines: the outbox's two lines are not in the store.
        await transcripts.AppendAsync(SchemaOneInterview.Id, [.. SchemaOneInterview.Transcript.Where(t => t.Sequence < SchemaOneInterview.FirstOutboxSequence)], CancellationToken.None);
        var dialog = new ScreeningDialog(new ScriptedJudge(), time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var sut = new InterviewService(new StaticProfileSource(SampleProfiles.Backend), interviews, transcripts, new InMemoryJobQueue(time), dialog, time, NullLogger<InterviewService>.Instance);

        var results = await SchemaOneInterview.AnswerTheRestAsync(sut);

        Assert.All(results, r => Assert.Equal(InterviewTurnStatus.Processed, r.Status));
        Assert.Contains(results[0].Replies, r => r.Text.Contains("How would you add caching", StringComparison.Ordinal));
        var stored = (await interviews.GetAsync(SchemaOneInterview.Id, CancellationToken.None))!.Interview;
        SchemaOneInterview.AssertFinished(stored, await transcripts.ReadAsync(SchemaOneInterview.Id, CancellationToken.None));
    }
}
