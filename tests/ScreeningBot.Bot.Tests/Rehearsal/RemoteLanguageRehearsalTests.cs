using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Rehearsal;

/// <summary>
/// The shipped remote profile's English check end to end, as the README shows it: what the candidate is told, and
/// the language line of the scorecard and the full report.
/// </summary>
public sealed class RemoteLanguageRehearsalTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("remote-rehearsal-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Rehearse_BackendRemoteStrong_TellsTheCandidateAndReportsTheEnglishLevel()
    {
        var (code, output, error) = await RunAsync(Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-remote-strong.yaml"));

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        Assert.Contains("Last, three short questions in English. This part also looks at your written English, so please answer in full sentences and in your own words.", output, StringComparison.Ordinal);
        Assert.Matches(@"English: assessed (B2|B2\+|C1|C1\+), required B2 \(offline estimate, confidence 0\.[5-9]\d\)", output);
        var report = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        Assert.Matches(@"\*\*English: assessed (B2|B2\+|C1|C1\+), required B2\*\* \(meets the target; offline estimate", report);
        Assert.Contains("- Rest of the interview (offline, shown apart): ", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_BackendRemoteWithBrokenAndSaladEnglish_IsBelowTargetOrNotAssessed()
    {
        var script = Path.Combine(_out, "script.yaml");
        await File.WriteAllTextAsync(script, """
            consent: "yes"
            backend-years: "8"
            timezone-overlap: "1"
            work-authorisation: "yes"
            language-1: "I was not agree with my manager about the architecture because he want that we use microservices. I am work here since three years and I have make many improvement, for example I was introduce automatic testing."
            language-2: "Synergy paradigm the leverage of holistic microservices, however scalable the of orchestration is robust and idempotent throughput, therefore asynchronous latency resilient the and paradigm."
            language-3: "ok"
            default: "I would measure p95 latency and error rate before and after, and roll back if they got worse."
            """);

        var (code, output, error) = await RunAsync(script);

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        Assert.Matches(@"English: assessed (A1|A2|B1)\+?, required B2", output);
        var report = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        Assert.Contains("answer 2: word salad: words without grammar", report, StringComparison.Ordinal);
        Assert.Contains("answer 3: one word", report, StringComparison.Ordinal);
        Assert.Contains("grammar slips", report, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string script)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(new StringReader(string.Empty), output, error, configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var code = await CommandLine.RunAsync(["rehearse", "--profile", "backend-remote", "--answers", script, "--out", _out], context, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
