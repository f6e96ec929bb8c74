using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Tests.Cli;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Rehearsal;

public sealed class RehearseCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("rehearsal-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Script(string name) => Path.Combine(RepositoryPaths.Root, "profiles", "rehearsals", name);

    private static Task<(int ExitCode, string Output, string Error)> RunInProcessAsync(TextReader? input, params string[] args) =>
        RunInProcessAsync(input, CancellationToken.None, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunInProcessAsync(TextReader? input, CancellationToken cancellationToken, params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles })
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(input ?? new StringReader(string.Empty), output, error, configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var code = await CommandLine.RunAsync(args, context, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Rehearse_RealCliWithStrongAnswers_WritesReportAndAdaptiveCard()
    {
        var (code, output, error) = await BotExecutable.RunAsync(["rehearse", "--profile", "backend-senior", "--answers", Script("backend-senior-strong.yaml"), "--out", _out, "--name", "Jane Doe"]);

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        Assert.Contains("SCORECARD  Jane Doe: Senior Backend Developer", output, StringComparison.Ordinal);
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "scorecard.json")))!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var headline = (string?)card["body"]![0]!["items"]![0]!["text"];
        Assert.Matches(@"^(Strong Yes|Yes|Maybe|No) · \d{1,3}/100$", headline);
        var report = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        Assert.Contains("# Screening report: Jane Doe", report, StringComparison.Ordinal);
        Assert.Contains("## Transcript", report, StringComparison.Ordinal);
        Assert.Contains("pg_stat_statements", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_StrongCandidateOutscoresWeakCandidate()
    {
        var strong = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", Script("backend-senior-strong.yaml"), "--out", Path.Combine(_out, "strong"));
        var weak = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", Script("backend-senior-weak.yaml"), "--out", Path.Combine(_out, "weak"));

        Assert.Equal(0, strong.ExitCode);
        Assert.Equal(0, weak.ExitCode);
        var strongScore = Score(Path.Combine(_out, "strong"));
        var weakScore = Score(Path.Combine(_out, "weak"));
        Assert.True(strongScore >= weakScore + 30, $"strong {strongScore} vs weak {weakScore}");
        Assert.Contains("NO ", weak.Output, StringComparison.Ordinal);

        static int Score(string dir)
        {
            var headline = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "scorecard.json")))!["body"]![0]!["items"]![0]!["text"]!;
            return int.Parse(headline.Split(" · ")[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task Rehearse_KnockoutAnswer_EndsWithNo()
    {
        var answers = Path.Combine(_out, "knockout.txt");
        await File.WriteAllLinesAsync(answers, ["yes", "1"]);

        var (code, output, _) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", answers);

        Assert.Equal(0, code);
        Assert.Contains("will review your answers against the role's requirements and get back to you", output, StringComparison.Ordinal);
        Assert.Contains("NO  0/100", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_InteractiveInput_IsReadLineByLine()
    {
        var input = new StringReader("yes\n6\nnow\n1\nwithdraw\nyes\n");

        var (code, output, _) = await RunInProcessAsync(input, "rehearse", "--profile", "backend-senior");

        Assert.Equal(0, code);
        Assert.Contains("You've withdrawn", output, StringComparison.Ordinal);
        Assert.Contains("Screen not completed (withdrawn)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_UnknownProfile_OneLineErrorAndExitTwo()
    {
        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "frontend-lead");

        Assert.Equal(2, code);
        Assert.Equal("error: unknown profile 'frontend-lead'. Available: backend-dotnet-services, backend-go-distributed, backend-java-fintech, backend-mid, backend-node-services, backend-python-saas, backend-remote, backend-senior.", error.Trim());
    }

    [Fact]
    public async Task Rehearse_MissingAnswersFile_OneLineErrorAndExitTwo()
    {
        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", "/nonexistent/answers.txt");

        Assert.Equal(2, code);
        Assert.StartsWith("error: answers file '/nonexistent/answers.txt' does not exist", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Rehearse_InvalidYamlAnswers_NamesFileAndLine()
    {
        var answers = Path.Combine(_out, "broken.yaml");
        await File.WriteAllTextAsync(answers, "consent: yes\nchallenging-api: { nested: [1, 2] }\n");

        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", answers);

        Assert.Equal(2, code);
        Assert.Contains("broken.yaml:2: 'challenging-api' must be an answer or a list of answers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_AnswersRunOut_SaysWhichQuestionIsOpenAndExitsTwo()
    {
        var answers = Path.Combine(_out, "short.txt");
        await File.WriteAllLinesAsync(answers, ["yes", "6"]);

        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", answers);

        Assert.Equal(2, code);
        Assert.Contains("has no answer left for \"What is the earliest date you could start?\" (question id 'start-date')", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_MissingProfileOption_UsageErrorExitTwo()
    {
        var (code, _, error) = await RunInProcessAsync(null, "rehearse");

        Assert.Equal(2, code);
        Assert.Contains("option --profile is required", error, StringComparison.Ordinal);
        Assert.Contains("usage: rehearse --profile ID", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_TypoInOption_IsReported()
    {
        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--anwsers", "x");

        Assert.Equal(2, code);
        Assert.Contains("unknown option --anwsers", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_TypedOptionNumbers_AnswerTheNumberedChoices()
    {
        // [1] Yes at consent; 6 years; a date; [1] Most or all of the day; then withdraw, and [1] Yes, withdraw.
        var input = new StringReader("1\n6\nnext monday\n1\nwithdraw\n1\n");

        var (code, output, error) = await RunInProcessAsync(input, "rehearse", "--profile", "backend-senior");

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        Assert.Contains("[1] Yes   [2] No", output, StringComparison.Ordinal);
        Assert.Contains("Thank you! Let's begin.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Please answer yes or no", output, StringComparison.Ordinal);
        Assert.DoesNotContain("I need a date", output, StringComparison.Ordinal);
        Assert.Contains("You've withdrawn", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_ScriptedAnswerOverTheLimit_StopsWithTheQuestionIdAndExitsTwo()
    {
        // A default answer the bot refuses would be given again and again: the run must stop instead of looping.
        var answers = Path.Combine(_out, "too-long.yaml");
        await File.WriteAllTextAsync(answers, $"consent: yes\ndefault: {new string('x', 25_000)}\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (code, output, error) = await RunInProcessAsync(null, timeout.Token, "rehearse", "--profile", "backend-senior", "--answers", answers);

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: the bot did not accept the answer {answers} gives for question id 'api-design-years': \"That message is 25,000 characters", line, StringComparison.Ordinal);
        Assert.True(output.Length < 10_000, $"{output.Length} characters of output");
    }

    [Fact]
    public async Task Rehearse_ScriptedAnswerNotUnderstood_StopsWithTheQuestionIdAndExitsTwo()
    {
        var answers = Path.Combine(_out, "bad-date.txt");
        await File.WriteAllLinesAsync(answers, ["yes", "6", "whenever suits"]);

        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", answers);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: the bot did not accept the answer {answers} gives for question id 'start-date': \"I need a date, like ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_ScriptThatOnlyRepeats_StopsInsteadOfLooping()
    {
        var answers = Path.Combine(_out, "repeat.yaml");
        await File.WriteAllTextAsync(answers, "consent: yes\ndefault: repeat\n");

        var (code, _, error) = await RunInProcessAsync(null, "rehearse", "--profile", "backend-senior", "--answers", answers);

        Assert.Equal(2, code);
        Assert.Contains("without moving past question id 'api-design-years'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealCli_InteractiveInputEnds_ExitsTwoNamingTheOpenQuestion()
    {
        var (code, output, error) = await BotExecutable.RunAsync(["rehearse", "--profile", "backend-senior"], input: "yes\n");

        Assert.True(code == 2, $"exit {code}\n{error}\n{output}");
        Assert.Contains("error: input ended before the screen finished (question id 'api-design-years' was open)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_BotMarkdown_IsPrintedWithoutMarkers()
    {
        var (_, output, _) = await RunInProcessAsync(new StringReader("yes\n"), "rehearse", "--profile", "backend-senior", "--name", "Jane Doe");

        Assert.Contains("I'm the screening assistant for the Senior Backend Developer role.", output, StringComparison.Ordinal);
        Assert.Contains("You can type help, repeat, skip", output, StringComparison.Ordinal);
        Assert.DoesNotContain("**", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n_", output, StringComparison.Ordinal);
    }
}
