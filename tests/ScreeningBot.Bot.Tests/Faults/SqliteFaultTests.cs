using Microsoft.Data.Sqlite;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>
/// The SQLite file fails under a real bot process mid-interview: another process holds the write lock, the volume is
/// full, the volume is read-only. Each time the candidate is asked to send the message again (nothing else), the
/// interview and its transcript stay consistent, and the bot carries on by itself once the fault clears.
/// </summary>
public sealed class SqliteFaultTests : IAsyncLifetime
{
    private const long DiskBytes = 16L * 1024 * 1024;

    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync(useHttps: false);

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed.
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task Answer_DatabaseLockedByAnotherProcess_AsksForARetryAndContinuesOnceReleased()
    {
        await using var storage = DurabilityStorage.OnSqlite();
        await using var bot = await BotProcess.StartAsync("bot", storage.BotSettings);
        var driver = new InterviewDriver(_connector);
        await StartAndAnswerAsync(bot, driver);
        var pending = InterviewDriver.View(driver.Prompt);

        RefusedAnswer retry;
        await using (var other = new SqliteConnection($"Data Source={storage.SqlitePath};Pooling=False"))
        {
            // Another process (this test) takes the write lock and keeps it: the bot's write waits its busy timeout, then gives up.
            await other.OpenAsync();
            await using var transaction = other.BeginTransaction(deferred: false);
            retry = await driver.AssertAskedToResendAsync(bot, expectReplies: false);
        }

        await AssertCauseLoggedAsync(bot, "the database stayed locked by another writer");

        // The candidate hears back after the busy timeout, not after a much longer wait of its own (a generous bound for a loaded machine).
        var bound = TimeSpan.FromMilliseconds(SqliteDatabase.BusyTimeoutMilliseconds) + TimeSpan.FromSeconds(10);
        Assert.True(retry.Waited < bound, $"the request to send the answer again came after {retry.Waited.TotalSeconds:0.0} s; expected under {bound.TotalSeconds} s");

        await AssertContinuesAsync(bot, driver, retry, pending);
        await storage.AssertConsistentAsync(driver);
    }

    [TmpfsFact]
    public async Task Answer_DiskFull_AsksForARetryAndContinuesOnceSpaceIsFreed()
    {
        await using var disk = await Tmpfs.MountAsync(DiskBytes);
        await using var storage = DurabilityStorage.OnSqliteIn(disk.Path);
        await using var bot = await BotProcess.StartAsync("bot", storage.BotSettings);
        var driver = new InterviewDriver(_connector);
        await StartAndAnswerAsync(bot, driver);
        var pending = InterviewDriver.View(driver.Prompt);

        // An empty write-ahead log (as after a restart), so the next commit must grow a file on the full disk.
        await TruncateWriteAheadLogAsync(storage.SqlitePath);
        await disk.FillAsync();
        var retry = await driver.AssertAskedToResendAsync(bot, expectReplies: true);
        await AssertCauseLoggedAsync(bot, "the disk is full");
        disk.FreeSpace();

        await AssertContinuesAsync(bot, driver, retry, pending);
        await storage.AssertConsistentAsync(driver);
    }

    [TmpfsFact]
    public async Task Answer_DatabaseOnAReadOnlyVolume_AsksForARetryAndContinuesOnceWritable()
    {
        await using var disk = await Tmpfs.MountAsync(DiskBytes);
        await using var storage = DurabilityStorage.OnSqliteIn(disk.Path);
        var driver = new InterviewDriver(_connector);
        string pending;
        await using (var first = await BotProcess.StartAsync("bot 1", storage.BotSettings))
        {
            await StartAndAnswerAsync(first, driver);
            pending = InterviewDriver.View(driver.Prompt);
            await first.TerminateAsync();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }

        // The volume comes back read-only (a mount option, a full-disk protection, a restored backup): the bot starts on it.
        await disk.RemountAsync(readOnly: true);
        await using var second = await BotProcess.StartAsync("bot 2 (read-only volume)", storage.BotSettings);
        var retry = await driver.AssertAskedToResendAsync(second, expectReplies: true);
        await AssertCauseLoggedAsync(second, "read-only");
        await disk.RemountAsync(readOnly: false);

        await AssertContinuesAsync(second, driver, retry, pending);
        await storage.AssertConsistentAsync(driver);
    }

    private static async Task StartAndAnswerAsync(BotProcess bot, InterviewDriver driver)
    {
        await driver.StartAsync(bot);
        for (var turn = 0; turn < 3; turn++)
        {
            await driver.AnswerAsync(bot);
        }
    }

    /// <summary>The bot's warning names the cause, so an operator reading the log knows what to fix.</summary>
    private static Task AssertCauseLoggedAsync(BotProcess bot, string cause) => bot.WaitForOutputAsync(cause, TimeSpan.FromSeconds(30));

    /// <summary>The fault has cleared: the channel's retry is taken as the answer to the pending question, and the interview goes on.</summary>
    private static async Task AssertContinuesAsync(BotProcess bot, InterviewDriver driver, RefusedAnswer retry, string pending)
    {
        var replies = await driver.SendAsync(bot, retry.Activity);
        driver.Took(retry.Text);
        Assert.NotEmpty(replies);
        Assert.NotEqual(pending, InterviewDriver.View(driver.Prompt));
        for (var turn = 0; turn < 2; turn++)
        {
            await driver.AnswerAsync(bot);
        }

        Assert.False(bot.HasExited);
    }

    private static async Task TruncateWriteAheadLogAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using (var timeout = connection.CreateCommand())
        {
            timeout.CommandText = "PRAGMA busy_timeout = 30000;";
            await timeout.ExecuteNonQueryAsync();
        }

        // TRUNCATE waits (busy handler) for the bot's readers and writer to finish with the log, then empties it.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetInt32(0) == 0, "the write-ahead log could not be checkpointed: the bot kept it busy for 30 s");
    }
}
