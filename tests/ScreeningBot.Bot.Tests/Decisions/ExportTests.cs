using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Tests.Cli;
using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>The export of a seeded store: the <c>export</c> verb (CSV, JSON, a file) and the recruiter command's download link.</summary>
public sealed class ExportTests : IDisposable
{
    private static readonly ConversationAddress Hiring = new() { ChannelId = "slack", ConversationId = "C-HIRING" };

    private readonly SqliteCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ExportVerb_Csv_HasTheHeaderFirstAndOneRowPerScreenOfTheProfile()
    {
        await SeedAsync(_cli.Sqlite.Database);

        var exitCode = await CommandLine.RunAsync(["export", "--profile", "backend-senior", "--format", "csv"], _cli.Context(), CancellationToken.None);

        Assert.Equal(0, exitCode);
        var lines = _cli.Output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "interview_id,candidate,candidate_id,profile,status,score,recommendation,confidence,decision,decided_by,decided_at,decision_reason,report_link,started_at,ended_at",
                "iv-aaaaaaaaaaaaaaaaaaaa,Ana Lima,U-ana,backend-senior,Completed,88,Strong Yes,0.91,advance,Rita,2026-03-02T12:00:00Z,\"great depth, ship it\",,2026-03-02T09:30:00Z,2026-03-02T10:30:00Z",
                "iv-bbbbbbbbbbbbbbbbbbbb,\"'=HYPERLINK(\"\"http://evil.example\"\")\",U-bob,backend-senior,Completed,64,Maybe,0.55,,,,,,2026-03-02T09:30:00Z,2026-03-02T10:30:00Z",
            ],
            lines);
        Assert.Contains("Exported 2 screen(s).", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVerb_JsonToAFile_MatchesTheStoredRows()
    {
        await SeedAsync(_cli.Sqlite.Database);
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = await CommandLine.RunAsync(["export", "--profile", "backend-senior", "--format", "json", "--out", file], _cli.Context(), CancellationToken.None);

            Assert.Equal(0, exitCode);
            var rows = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsArray();
            Assert.Equal(2, rows.Count);
            Assert.Equal("advance", rows[0]!["decision"]!.GetValue<string>());
            Assert.Equal(88, rows[0]!["score"]!.GetValue<int>());
            Assert.Null(rows[1]!["decision"]);
            Assert.Empty(_cli.Output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ExportVerb_Since_LeavesOutOlderScreens()
    {
        await SeedAsync(_cli.Sqlite.Database);

        await CommandLine.RunAsync(["export", "--profile", "backend-senior", "--since", "2026-03-03"], _cli.Context(), CancellationToken.None);

        Assert.Single(_cli.Output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--format", "xml", "--format is csv or json, not 'xml'")]
    [InlineData("--since", "last week", "--since is a day like 2026-11-01")]
    public async Task ExportVerb_BadOption_ExitsTwoWithOneLine(string option, string value, string expected)
    {
        var exitCode = await CommandLine.RunAsync(["export", "--profile", "backend-senior", option, value], _cli.Context(), CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCommand_GivesALinkThatDownloadsTheCsv()
    {
        await using var bot = new BotAppFactory(new Dictionary<string, string?>
        {
            ["Reports:BaseUrl"] = "https://bot.example.com",
            ["Reports:SigningKey"] = "a-test-signing-key-that-is-long-enough-1234",
            ["Screening:Recruiters:0"] = "URECRUIT",
        });
        var services = bot.Services;
        await SeedAsync(services.GetRequiredService<IInterviewStore>(), services.GetRequiredService<IReportStore>(), services.GetRequiredService<IDecisionStore>());
        var context = new CommandContext("slack", new Participant("URECRUIT", "Rita"), Hiring, "/screen");

        var response = await services.GetRequiredService<RecruiterCommandService>().ExecuteAsync(RecruiterCommandParser.Parse("export backend-senior"), context, CancellationToken.None);

        Assert.True(response.Succeeded, response.Text);
        Assert.Contains("Export of 2 screens of `backend-senior`", response.Text, StringComparison.Ordinal);
        var link = new Uri(response.Text.Split(' ').Single(w => w.StartsWith("https://bot.example.com/exports/screens/", StringComparison.Ordinal)).TrimEnd('\n').Split('\n')[0]);
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var download = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("screens-backend-senior.csv", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var csv = await download.Content.ReadAsStringAsync();
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Ana Lima", csv, StringComparison.Ordinal);
        var tampered = link.PathAndQuery.Replace("backend-senior", "frontend", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(tampered, UriKind.Relative))).StatusCode);
    }

    private static Task SeedAsync(SqliteDatabase database) =>
        SeedAsync(new SqliteInterviewStore(database), new SqliteReportStore(database), new SqliteDecisionStore(database));

    private static async Task SeedAsync(IInterviewStore interviews, IReportStore reports, IDecisionStore decisions)
    {
        var ended = StorageTestData.Start.AddHours(1);
        await DecisionTestData.SeedFinishedAsync(interviews, reports, Hiring, "ts-1", "iv-aaaaaaaaaaaaaaaaaaaa", "U-ana", "Ana Lima", 88, Recommendation.StrongYes, 0.912, endedAt: ended);
        await DecisionTestData.SeedFinishedAsync(interviews, reports, Hiring, "ts-2", "iv-bbbbbbbbbbbbbbbbbbbb", "U-bob", "=HYPERLINK(\"http://evil.example\")", 64, Recommendation.Maybe, 0.55, endedAt: ended);
        await DecisionTestData.SeedFinishedAsync(interviews, reports, Hiring, "ts-3", "iv-cccccccccccccccccccc", "U-cy", "Cy", 70, Recommendation.Yes, 0.7, profileId: "frontend", endedAt: ended);
        await decisions.AppendAsync(
            new DecisionEntry { Id = "d1", InterviewId = "iv-aaaaaaaaaaaaaaaaaaaa", At = StorageTestData.Start.AddHours(2.5), ById = "URECRUIT", ByName = "Rita", Decision = HiringDecision.Advance, Text = "great depth, ship it" },
            CancellationToken.None);
    }
}
