using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// A SQLite file written before issue 19 (schema version 1: an interview's answers inside its JSON, its last turn's lines
/// possibly still in the outbox) opened by this bot: migration 2 moves the answers to rows of their own and the outbox to
/// the transcript, and the interview carries on to its end.
/// </summary>
public sealed class SqliteSchemaUpgradeTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _file = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _file.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task VersionOneFile_InterviewMidwayWithOutbox_ReadsWhole_MovesTheOutboxToTheTranscript_AndFinishes()
    {
        await WriteVersionOneFileAsync();
        var database = _file.Open();
        var interviews = new SqliteInterviewStore(database);
        var transcripts = new SqliteTranscriptStore(database);

        var read = (await interviews.FindByConversationAsync(SchemaOneInterview.ConversationKey, CancellationToken.None))!;
        var lines = await transcripts.ReadAsync(SchemaOneInterview.Id, CancellationToken.None);

        var asStored = InterviewSchema.Read(SchemaOneInterview.Json);
        Assert.NotEmpty(asStored.Record.Answers);
        Assert.Equal(DialogsJson.Serialize(asStored with { Record = asStored.Record with { TranscriptOutbox = [] } }), DialogsJson.Serialize(read.Interview));
        Assert.Equal(SchemaOneInterview.Transcript.Select(DialogsJson.Serialize), lines.Select(DialogsJson.Serialize));
        Assert.Equal((long)SqliteDatabase.SchemaVersion, await UserVersionAsync());

        var time = new FakeTimeProvider(SchemaOneInterview.LastActivity.AddMinutes(2));
        var dialog = new ScreeningDialog(new ScriptedJudge(), time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var sut = new InterviewService(new StaticProfileSource(SampleProfiles.Backend), interviews, transcripts, new InMemoryJobQueue(time), dialog, time, NullLogger<InterviewService>.Instance);
        var results = await SchemaOneInterview.AnswerTheRestAsync(sut);

        Assert.All(results, r => Assert.Equal(InterviewTurnStatus.Processed, r.Status));

        // Read back through another handle on the file, as the next process would.
        var reopened = _file.Open();
        var stored = (await new SqliteInterviewStore(reopened).GetAsync(SchemaOneInterview.Id, CancellationToken.None))!.Interview;
        SchemaOneInterview.AssertFinished(stored, await new SqliteTranscriptStore(reopened).ReadAsync(SchemaOneInterview.Id, CancellationToken.None));
    }

    [Fact]
    public async Task VersionThreeFile_Opened_GainsTheDecisionsTableByMigrationFour_AndKeepsDecisions()
    {
        await WriteFileOfVersionAsync(3, (_, _) => Task.CompletedTask);

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'decisions';"));

        var sut = new SqliteDecisionStore(_file.Open());
        var entry = new ScreeningBot.Dialogs.Decisions.DecisionEntry
        {
            Id = "0001-a",
            InterviewId = "i-1",
            At = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero),
            ById = "u-1",
            Decision = ScreeningBot.Dialogs.Decisions.HiringDecision.Advance,
        };
        await sut.AppendAsync(entry, CancellationToken.None);

        Assert.Equal((long)SqliteDatabase.SchemaVersion, await UserVersionAsync());
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'decisions';"));
        var read = await new SqliteDecisionStore(_file.Open()).GetAsync("i-1", CancellationToken.None);
        Assert.Equal(ScreeningBot.Dialogs.Decisions.HiringDecision.Advance, read.Current?.Decision);
    }

    [Fact]
    public async Task VersionFourFile_WebhookEventsInThePoisonStore_MoveToTheDeadLettersByMigrationFive_OtherPoisonedJobsStay()
    {
        var delivery = new WebhookDelivery("evt_0123456789abcdef0123456789abcdef", "decision.recorded", "{\"id\":\"evt_0123456789abcdef0123456789abcdef\"}", 5);
        await WriteFileOfVersionAsync(4, async (connection, transaction) =>
        {
            const string Poison = "INSERT INTO poison_jobs (id, json, dequeue_count, reason, poisoned_at) VALUES ($id, $json, 1, $reason, $at);";
            await ExecuteAsync(connection, transaction, Poison, ("$id", 1L), ("$json", DialogsJson.Serialize(new ScoringJob("iv-hook") { Webhook = delivery })), ("$reason", "webhook decision.recorded evt_…: failed 5 attempts"), ("$at", 7L));
            await ExecuteAsync(connection, transaction, Poison, ("$id", 2L), ("$json", DialogsJson.Serialize(new ScoringJob("iv-scoring"))), ("$reason", "scoring failed 5 times"), ("$at", 8L));
            await ExecuteAsync(connection, transaction, Poison, ("$id", 3L), ("$json", "not json {"), ("$reason", "The stored job is not valid JSON"), ("$at", 9L));
        });

        var moved = await new ScreeningBot.Bot.Storage.Sqlite.SqliteWebhookDeadLetterStore(_file.Open()).ListAsync(10, CancellationToken.None);

        Assert.Equal(new ScreeningBot.Bot.Storage.WebhookDeadLetter(delivery, "iv-hook", "webhook decision.recorded evt_…: failed 5 attempts", new DateTimeOffset(7, TimeSpan.Zero)), Assert.Single(moved));
        Assert.Equal((2L, 2L), (await ScalarAsync("SELECT count(*) FROM poison_jobs WHERE id IN (2, 3);"), await ScalarAsync("SELECT count(*) FROM poison_jobs;")));
        Assert.Equal((long)SqliteDatabase.SchemaVersion, await UserVersionAsync());
    }

    /// <summary>The file as the bot of schema <paramref name="version"/> left it, with what <paramref name="seed"/> writes.</summary>
    private async Task WriteFileOfVersionAsync(int version, Func<SqliteConnection, SqliteTransaction, Task> seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        for (var next = 1; next <= version; next++)
        {
            await ExecuteAsync(connection, transaction, SqliteDatabase.MigrationTo(next));
        }

        await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {version};");
        await seed(connection, transaction);
        await transaction.CommitAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The file as the bot of schema version 1 left it: the interview row with its whole record, the lines before the outbox.</summary>
    private async Task WriteVersionOneFileAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.Path)!);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, SqliteDatabase.MigrationTo(1));
        await ExecuteAsync(connection, transaction, "PRAGMA user_version = 1;");
        var interview = InterviewSchema.Read(SchemaOneInterview.Json);
        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO interviews (id, conversation_key, profile_id, candidate_id, created_at, etag, json) VALUES ($id, $key, $profile, $candidate, $created, '\"v1\"', $json);",
            ("$id", interview.Id),
            ("$key", interview.ConversationKey),
            ("$profile", interview.ProfileId),
            ("$candidate", interview.Candidate.Id),
            ("$created", interview.CreatedAt.UtcTicks),
            ("$json", SchemaOneInterview.Json));
        foreach (var line in SchemaOneInterview.Transcript.Where(t => t.Sequence < SchemaOneInterview.FirstOutboxSequence))
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO transcript_turns (interview_id, sequence, json) VALUES ($id, $sequence, $json);",
                ("$id", interview.Id),
                ("$sequence", line.Sequence),
                ("$json", DialogsJson.Serialize(line)));
        }

        await transaction.CommitAsync();
    }

    private Task<long> UserVersionAsync() => ScalarAsync("PRAGMA user_version;");

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
