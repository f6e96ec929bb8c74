using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Cli;

public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("profile-draft-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Description(string name) => Path.Combine(RepositoryPaths.Root, "tests", "ScreeningBot.Bot.Tests", "Cli", "JobDescriptions", name);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles })
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(string.Empty), output, error, configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var code = await CommandLine.RunAsync(args, context, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("payments-java.txt", "backend-payments", "backend-senior", "idempotent-payment-api", "acid-money-transfer")]
    [InlineData("go-platform.txt", "api-platform-go", "backend-senior", "rate-limiter-design", "traffic-spike-10x")]
    [InlineData("python-saas-junior.txt", "python-saas", "backend-mid", "slow-sql-query", null)]
    public async Task Draft_RealJobDescription_WritesAValidProfileWithMatchingDeepDives(string file, string id, string baseId, string expected, string? alsoExpected)
    {
        var path = Path.Combine(_out, id + ".yaml");

        var (code, output, error) = await RunAsync("profile", "draft", "--from", Description(file), "--id", id, "--out", path);

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        Assert.Contains($"wrote {path}", output, StringComparison.Ordinal);
        var result = ProfileLoader.LoadFile(path, TestProfiles.Catalog.Bank);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var profile = result.Profile!;
        Assert.Equal(id, profile.Id);
        var refs = profile.Blueprints.Select(b => b.BankId).ToArray();
        Assert.Contains(expected, refs);
        if (alsoExpected is not null)
        {
            Assert.Contains(alsoExpected, refs);
        }

        Assert.Equal(TestProfiles.Catalog.Get(baseId).Knockouts.Select(k => k.Id), profile.Knockouts.Select(k => k.Id));
        var yaml = await File.ReadAllTextAsync(path);
        Assert.StartsWith("# DRAFT profile from " + file, yaml, StringComparison.Ordinal);
        Assert.Contains("# REVIEW before any candidate sees it:", yaml, StringComparison.Ordinal);
        Assert.Contains("knockouts: copied from " + baseId, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_DescriptionAskingForYoungNativeSpeakers_InventsNoKnockoutOrQuestionAboutIt()
    {
        var path = Path.Combine(_out, "python-saas.yaml");

        var (code, _, error) = await RunAsync("profile", "draft", "--from", Description("python-saas-junior.txt"), "--id", "python-saas", "--out", path);

        Assert.True(code == 0, error);
        var profile = ProfileLoader.LoadFile(path, TestProfiles.Catalog.Bank).Profile!;
        var asked = profile.Knockouts.Select(k => k.Question)
            .Concat(profile.CustomQuestions.Select(q => q.Text))
            .Concat(profile.Blueprints.Select(b => b.Text));
        Assert.All(asked, text =>
        {
            Assert.DoesNotContain("young", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("native", text, StringComparison.OrdinalIgnoreCase);
            Assert.False(ScreeningBot.Dialogs.Screening.FollowUpPlanner.TouchesBannedTopic(text, profile.BannedTopics), text);
        });
        Assert.Contains(profile.BannedTopics, t => t.Contains("age", StringComparison.Ordinal));
        Assert.Contains(profile.PreferredSkills, s => s.Id == "python");
    }

    [Fact]
    public async Task Draft_DescriptionWhoseOpeningTouchesABannedTopic_CopiesNeitherTitleNorBriefAndSaysWhy()
    {
        var description = Path.Combine(_out, "jd-banned.txt");
        await File.WriteAllTextAsync(description, """
            Backend Engineer (under 30, no children)
            We want a young engineer whose age and family status fit our culture. You will build payment APIs in Java.
            You will own idempotent payment endpoints and the ledger behind them, with PostgreSQL and Kafka.
            """);
        var path = Path.Combine(_out, "backend-banned.yaml");

        var (code, _, error) = await RunAsync("profile", "draft", "--from", description, "--id", "backend-banned", "--out", path);

        Assert.True(code == 0, error);
        var result = ProfileLoader.LoadFile(path, TestProfiles.Catalog.Bank);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var profile = result.Profile!;
        Assert.Equal("Backend Engineer", profile.Title);
        Assert.StartsWith("A backend engineering role. Replace this", profile.Brief, StringComparison.Ordinal);
        Assert.False(ScreeningBot.Dialogs.Screening.FollowUpPlanner.TouchesBannedTopic(profile.Title + " " + profile.Brief, profile.BannedTopics));
        var yaml = await File.ReadAllTextAsync(path);
        Assert.Contains("#   - brief: the description's first sentences touch a banned topic, so none were copied", yaml, StringComparison.Ordinal);
        Assert.Contains("#   - title: the description's first line touches a banned topic, so it was not copied", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_OutputFileExists_WritesNothingAndSaysSo()
    {
        var path = Path.Combine(_out, "taken.yaml");
        await File.WriteAllTextAsync(path, "mine");

        var (code, _, error) = await RunAsync("profile", "draft", "--from", Description("go-platform.txt"), "--id", "taken", "--out", path);

        Assert.Equal(2, code);
        Assert.Contains("already exists; nothing was written", error, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("Backend_Payments")]
    [InlineData("9lives")]
    public async Task Draft_InvalidId_IsAUsageError(string id)
    {
        var (code, _, error) = await RunAsync("profile", "draft", "--from", Description("go-platform.txt"), "--id", id, "--out", Path.Combine(_out, "x.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("is not a profile id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_MissingDescription_SaysWhatToDo()
    {
        var (code, _, error) = await RunAsync("profile", "draft", "--from", Path.Combine(_out, "nope.txt"), "--id", "x", "--out", Path.Combine(_out, "x.yaml"));

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_WithoutSubcommand_NamesDraft()
    {
        var (code, _, error) = await RunAsync("profile");

        Assert.Equal(2, code);
        Assert.Contains("profile draft --from FILE --id ID", error, StringComparison.Ordinal);
    }
}
