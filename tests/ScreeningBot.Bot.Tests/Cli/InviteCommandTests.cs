using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Tests.InterviewLinks;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Cli;

/// <summary>
/// <c>invite</c> run in-process against a temporary SQLite database: what it prints, and the one-line errors for missing
/// settings and bad input. The link's journey to a scorecard is in InterviewLinks/InterviewLinkJourneyTests.
/// </summary>
public sealed class InviteCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("screeningbot-invite-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private Dictionary<string, string?> Settings(bool linksOn = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(_data, "bot.db"),
            ["Screening:ProfilesPath"] = RepositoryPaths.Profiles,
            ["Judge:Provider"] = "Rubric",
            ["Slack:BotToken"] = "xoxb-test",
        };
        if (linksOn)
        {
            foreach (var (key, value) in LinkBot.Settings)
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    private async Task<int> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextReader.Null, _output, _error, configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        return await CommandLine.RunAsync(["invite", .. args], context, CancellationToken.None);
    }

    private string[] OutputLines => _output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');

    [Fact]
    public async Task Invite_PrintsWhoWhereAndUntilWhenThenTheLinkOnTheLastLine()
    {
        var exitCode = await RunAsync(Settings(), "--profile", "backend-senior", "--name", "Jane Doe", "--channel", "C0HIRING1");

        Assert.Equal(0, exitCode);
        Assert.Empty(_error.ToString());
        Assert.Equal(3, OutputLines.Length);
        Assert.Matches(@"^Invited Jane Doe to the Senior Backend Developer screen \(iv-[a-z2-7]{20}\)\. The scorecard goes to Slack channel C0HIRING1 when they finish\.$", OutputLines[0]);
        Assert.Equal("The link opens this screen only and works until Monday 30 November 2026 at 09:00 UTC. Send it to the candidate:", OutputLines[1]);
        Assert.StartsWith(LinkBot.BaseUrl + "/interview/lk-", OutputLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_SameAddressTwice_PrintsTheSameLinkAgain()
    {
        await RunAsync(Settings(), "--profile", "backend-senior", "--name", "Jane Doe", "--email", "jane@example.com", "--channel", "slack:C0HIRING1");
        var first = OutputLines[^1];
        _output.GetStringBuilder().Clear();

        var exitCode = await RunAsync(Settings(), "--profile", "backend-senior", "--name", "Jane Doe", "--email", "Jane@Example.com", "--channel", "slack:C0HIRING1");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Jane Doe (jane@example.com) already has a Senior Backend Developer screen in progress (iv-", OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(first, OutputLines[^1]);
    }

    [Fact]
    public async Task Invite_LinksOff_SaysWhatToSetAndStartsNothing()
    {
        var exitCode = await RunAsync(Settings(linksOn: false), "--profile", "backend-senior", "--name", "Jane Doe", "--channel", "slack:C0HIRING1");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: " + InterviewLinkInvitations.SettingsNeeded, _error.ToString().Trim());
        Assert.Empty(_output.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("too-short")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/InterviewLinkSigningKey/)")]
    public async Task Invite_BaseUrlWithoutAUsableSigningKey_NamesTheSettingAndStartsNothing(string? key)
    {
        var settings = Settings();
        settings["InterviewLinks:SigningKey"] = key;

        var exitCode = await RunAsync(settings, "--profile", "backend-senior", "--name", "Jane Doe", "--email", "jane@example.com", "--channel", "slack:C0HIRING1");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.StartsWith("error: the settings are invalid: ", line, StringComparison.Ordinal);
        Assert.Contains("InterviewLinks:SigningKey must hold a secret of at least 32 characters (set InterviewLinks__SigningKey", line, StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
        // Nothing was started: with the key set, the same address is invited afresh, not given an open screen's link.
        Assert.Equal(0, await RunAsync(Settings(), "--profile", "backend-senior", "--name", "Jane Doe", "--email", "jane@example.com", "--channel", "slack:C0HIRING1"));
        Assert.StartsWith("Invited Jane Doe (jane@example.com)", OutputLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--profile", "frontend", "--name", "Jane", "--channel", "slack:C0HIRING1" }, "error: there is no profile 'frontend'; available: backend-dotnet-services, backend-go-distributed, backend-java-fintech, backend-mid, backend-node-services, backend-python-saas, backend-remote, backend-senior.")]
    [InlineData(new[] { "--profile", "backend-senior", "--name", "Jane", "--email", "jane(at)example.com" }, "error: --email 'jane(at)example.com' is not one email address such as jane@example.com. usage: invite --profile ID --name NAME [--email ADDRESS] [--channel CHANNEL]")]
    [InlineData(new[] { "--profile", "backend-senior", "--name", " " }, "error: --name needs the candidate's name, 1 to 80 characters. usage: invite --profile ID --name NAME [--email ADDRESS] [--channel CHANNEL]")]
    [InlineData(new[] { "--profile", "backend-senior", "--name", "Jane" }, "error: no hiring channel for the scorecard: pass --channel slack:C0123ABCD or teams:19:…@thread.tacv2, or set hiringChannels in")]
    [InlineData(new[] { "--profile", "backend-senior", "--name", "Jane", "--channel", "#hiring" }, "error: --channel '#hiring' is not a hiring channel; write slack:C0123ABCD or teams:19:…@thread.tacv2.")]
    [InlineData(new[] { "--profile", "backend-senior", "--name", "Jane", "--channel", "teams:19:hiring@thread.tacv2" }, "error: the scorecard would go to Teams channel 19:hiring@thread.tacv2, but MicrosoftAppId is not set")]
    public async Task Invite_BadInput_IsOneLineWithExitCodeTwo(string[] args, string expected)
    {
        var exitCode = await RunAsync(Settings(), args);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line.Trim(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Invite_SlackChannelWithoutABotToken_SaysTheScorecardCouldNotBePosted()
    {
        var settings = Settings();
        settings.Remove("Slack:BotToken");

        var exitCode = await RunAsync(settings, "--profile", "backend-senior", "--name", "Jane", "--channel", "slack:C0HIRING1");

        Assert.Equal(2, exitCode);
        Assert.Contains("Slack:BotToken is not set, so the bot could not post it; set Slack__BotToken", _error.ToString(), StringComparison.Ordinal);
    }
}
