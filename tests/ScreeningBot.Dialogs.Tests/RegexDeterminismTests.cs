using System.Reflection;
using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests;

/// <summary>
/// A match timeout is wall-clock time: on a loaded machine a descheduled thread times out on a clean answer, and a
/// caught timeout then decides a verdict (dev precision 0.965 one run, 1.000 the next). So no regex in dialogs/ may
/// carry a finite timeout, and no code may catch a timeout to decide anything; the patterns are bounded instead.
/// </summary>
public sealed class RegexDeterminismTests
{
    private static readonly Assembly Dialogs = typeof(InterviewService).Assembly;

    public static TheoryData<string> GeneratedRegexNames() => new(GeneratedRegexes.Names(Dialogs));

    [Fact]
    public void DialogsAssembly_HasGeneratedRegexesToCheck()
    {
        // Guards the theory below against finding nothing (a renamed attribute or a trimmed assembly).
        Assert.Contains(RegexFactories(), m => m.Name == "InstructionOverridePattern");
        Assert.Contains(RegexFactories(), m => m.Name == "TagPattern");
    }

    [Theory]
    [MemberData(nameof(GeneratedRegexNames))]
    public void GeneratedRegex_HasNoWallClockTimeout(string name) => GeneratedRegexes.AssertNoTimeout(Dialogs, name);

    [Fact]
    public void LanguageFileRegexes_HaveNoWallClockTimeout()
    {
        var grammar = CandidateLanguages.English.Dates;

        var regexes = typeof(DateGrammar).GetProperties().Where(p => p.PropertyType == typeof(Regex)).Select(p => (p.Name, Regex: (Regex)p.GetValue(grammar)!)).ToArray();

        Assert.NotEmpty(regexes);
        Assert.All(regexes, r => Assert.True(r.Regex.MatchTimeout == Regex.InfiniteMatchTimeout, $"DateGrammar.{r.Name} times out after {r.Regex.MatchTimeout}."));
        Assert.Equal(Regex.InfiniteMatchTimeout, Phrases.Build("x").MatchTimeout);
    }

    [Fact]
    public void DialogsSource_NeverDecidesOnARegexTimeout()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "dialogs"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(nameof(RegexMatchTimeoutException), StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .ToArray();

        Assert.True(offenders.Length == 0, $"These files handle a regex timeout, so a result could depend on machine load: {string.Join(", ", offenders)}");
    }

    private static IEnumerable<MethodInfo> RegexFactories() => GeneratedRegexes.In(Dialogs);
}
