using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// Tables written before issue 19 (Azurite): the interview's whole record in its main entity (no <c>Layout</c>), its
/// transcript in the <c>transcripts</c> table, its last turn's lines still in the outbox. This bot reads it whole, moves
/// it to the current layout on first read, and carries it on to its end.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableLayoutUpgradeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AzuriteTestAccount _account = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _account.DeleteAsync();

    [Fact]
    public async Task LayoutOneInterview_MidwayWithOutbox_ReadsWhole_MovesTheOutboxToTheTranscript_AndFinishes()
    {
        await WriteLayoutOneAsync();
        var interviews = new TableInterviewStore(_account.Open());
        var transcripts = new TableTranscriptStore(_account.Open());

        var read = (await interviews.FindByConversationAsync(SchemaOneInterview.ConversationKey, CancellationToken.None))!;
        var lines = await transcripts.ReadAsync(SchemaOneInterview.Id, CancellationToken.None);

        var asStored = InterviewSchema.Read(SchemaOneInterview.Json);
        Assert.NotEmpty(asStored.Record.Answers);
        Assert.Equal(DialogsJson.Serialize(asStored with { Record = asStored.Record with { TranscriptOutbox = [] } }), DialogsJson.Serialize(read.Interview));
        Assert.Equal(SchemaOneInterview.Transcript.Select(DialogsJson.Serialize), lines.Select(DialogsJson.Serialize));
        var main = (await (await _account.Account.GetTableAsync(AzureStorageAccount.InterviewsTable, CancellationToken.None))
            .GetEntityAsync<TableEntity>(TableKeys.Encode(SchemaOneInterview.Id), "interview")).Value;
        Assert.Equal(2, main.GetInt32("Layout"));
        Assert.Equal(read.ETag, main.ETag.ToString());

        var time = new FakeTimeProvider(SchemaOneInterview.LastActivity.AddMinutes(2));
        var dialog = new ScreeningDialog(new ScriptedJudge(), time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var sut = new InterviewService(new StaticProfileSource(SampleProfiles.Backend), interviews, transcripts, new InMemoryJobQueue(time), dialog, time, NullLogger<InterviewService>.Instance);
        var results = await SchemaOneInterview.AnswerTheRestAsync(sut);

        Assert.All(results, r => Assert.Equal(InterviewTurnStatus.Processed, r.Status));
        var stored = (await new TableInterviewStore(_account.Open()).GetAsync(SchemaOneInterview.Id, CancellationToken.None))!.Interview;
        SchemaOneInterview.AssertFinished(stored, await new TableTranscriptStore(_account.Open()).ReadAsync(SchemaOneInterview.Id, CancellationToken.None));
    }

    /// <summary>The entities as the bot before issue 19 wrote them: index entry, main entity (with parts), the lines before the outbox.</summary>
    private async Task WriteLayoutOneAsync()
    {
        var interview = InterviewSchema.Read(SchemaOneInterview.Json);
        var partitionKey = TableKeys.Encode(interview.Id);
        var index = await _account.Account.GetTableAsync(AzureStorageAccount.ConversationsTable, CancellationToken.None);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - interview.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await index.AddEntityAsync(new TableEntity(TableKeys.Encode(interview.ConversationKey), inverted + "_" + partitionKey)
        {
            ["InterviewId"] = interview.Id,
            ["CreatedAtTicks"] = interview.CreatedAt.UtcTicks,
        });

        var table = await _account.Account.GetTableAsync(AzureStorageAccount.InterviewsTable, CancellationToken.None);
        var main = new TableEntity(partitionKey, "interview")
        {
            ["Id"] = interview.Id,
            ["ProfileId"] = interview.ProfileId,
            ["CandidateId"] = interview.Candidate.Id,
            ["ConversationKey"] = interview.ConversationKey,
            ["Status"] = interview.Status.ToString(),
            ["CreatedAt"] = interview.CreatedAt,
            ["CreatedAtTicks"] = interview.CreatedAt.UtcTicks,
        };
        var parts = TableDocuments.Write(main, SchemaOneInterview.Json, "the schema-1 interview");
        await TableDocuments.SubmitAsync(table, TableTransactionActionType.Add, main, parts, default, CancellationToken.None);

        // The transcript table's format: RowKey the bare sequence (the empty prefix).
        var lines = new List<TableTransactionAction>();
        TranscriptEntities.AddUpserts(lines, partitionKey, string.Empty, [.. SchemaOneInterview.Transcript.Where(t => t.Sequence < SchemaOneInterview.FirstOutboxSequence)]);
        await TableBatches.SubmitAsync(await _account.Account.GetTableAsync(AzureStorageAccount.TranscriptsTable, CancellationToken.None), lines, CancellationToken.None);
    }
}
