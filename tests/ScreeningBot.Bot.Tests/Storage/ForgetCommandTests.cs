using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Tests.Cli;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class ForgetCommandTests : IDisposable
{
    private readonly SqliteCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_CandidateWithInterviews_DeletesThemAndPrintsWhat()
    {
        var interviews = new SqliteInterviewStore(_cli.Sqlite.Database);
        await interviews.CreateAsync(Interview("iv-ada-1", candidateId: "U-ada"), CancellationToken.None);
        await new SqliteTranscriptStore(_cli.Sqlite.Database).AppendAsync("iv-ada-1", [Turn("iv-ada-1", 0), Turn("iv-ada-1", 1)], CancellationToken.None);
        await interviews.CreateAsync(Interview("iv-bob-1", candidateId: "U-bob"), CancellationToken.None);
        var deadLetters = new SqliteWebhookDeadLetterStore(_cli.Sqlite.Database);
        foreach (var interviewId in new[] { "iv-ada-1", "iv-bob-1" })
        {
            var delivery = new ScreeningBot.Dialogs.Storage.WebhookDelivery("evt_" + interviewId, "scorecard.posted", "{\"data\":{\"candidate\":\"named\"}}", 8);
            await deadLetters.AddAsync(new WebhookDeadLetter(delivery, interviewId, "failed 8 attempts", Start), CancellationToken.None);
        }

        var exitCode = await CommandLine.RunAsync(["forget", "--candidate", "U-ada"], _cli.Context(), CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(["evt_iv-bob-1"], (await deadLetters.ListAsync(10, CancellationToken.None)).Select(d => d.EventId));
        Assert.Equal(
            "Deleted 1 interview(s), 2 transcript turn(s), 0 report(s) and 0 self-identification(s) of candidate 'U-ada', and removed 0 message(s) the bot had posted about them.\n  iv-ada-1\n",
            _cli.Output.ToString().ReplaceLineEndings("\n"));
        Assert.Null(await interviews.GetAsync("iv-ada-1", CancellationToken.None));
        Assert.NotNull(await interviews.GetAsync("iv-bob-1", CancellationToken.None));
    }

    [Fact]
    public async Task Run_UnknownCandidate_SaysNoSuchCandidateAndExitsOne()
    {
        var interviews = new SqliteInterviewStore(_cli.Sqlite.Database);
        await interviews.CreateAsync(Interview("iv-bob-1", candidateId: "U-bob"), CancellationToken.None);

        var exitCode = await CommandLine.RunAsync(["forget", "--candidate", "U-nobody"], _cli.Context(), CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Empty(_cli.Output.ToString());
        var line = Assert.Single(_cli.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: no such candidate 'U-nobody': nothing is stored under that id, so nothing was deleted.", line, StringComparison.Ordinal);
        Assert.NotNull(await interviews.GetAsync("iv-bob-1", CancellationToken.None));
    }

    [Fact]
    public async Task Run_WithoutCandidate_FailsWithUsageExitCode2()
    {
        var exitCode = await CommandLine.RunAsync(["forget"], _cli.Context(), CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("--candidate is required", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidStorageSettings_FailsNamingTheSetting()
    {
        var exitCode = await CommandLine.RunAsync(["forget", "--candidate", "U-ada"], _cli.Context(new() { ["Storage:Provider"] = "Tables" }), CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("neither Storage:ConnectionString nor Storage:AccountUri is set", _cli.Error.ToString(), StringComparison.Ordinal);
    }
}
