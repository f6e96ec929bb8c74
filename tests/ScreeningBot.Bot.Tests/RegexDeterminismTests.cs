using System.Reflection;
using System.Text.RegularExpressions;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests;

/// <summary>
/// As in dialogs (tests/ScreeningBot.Dialogs.Tests/RegexDeterminismTests.cs): a match timeout is wall-clock time, so on a
/// loaded machine a command would be misparsed, a protected characteristic missed or a Slack message left unsent. No regex
/// in bot/ carries a finite timeout and no code catches one; patterns are bounded, and the ones that were not are plain code
/// (kebab-case ids, Markdown bold for Slack, a draft's sentences), checked here against the patterns they replace.
/// </summary>
public sealed partial class RegexDeterminismTests
{
    private static readonly Assembly Bot = typeof(RecruiterCommandParser).Assembly;

    public static TheoryData<string> GeneratedRegexNames() => new(GeneratedRegexes.Names(Bot));

    [Fact]
    public void BotAssembly_HasGeneratedRegexesToCheck()
    {
        // Guards the theory below against finding nothing (a renamed attribute or a trimmed assembly).
        Assert.Contains(RegexFactories(), m => m.Name == "TokenPattern");
        Assert.Contains(RegexFactories(), m => m.Name == "SingleStarBold");
    }

    [Theory]
    [MemberData(nameof(GeneratedRegexNames))]
    public void GeneratedRegex_HasNoWallClockTimeout(string name) => GeneratedRegexes.AssertNoTimeout(Bot, name);

    [Fact]
    public void BotSource_NeverDecidesOnARegexTimeout()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "bot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains(nameof(RegexMatchTimeoutException), StringComparison.Ordinal) || text.Contains("matchTimeoutMilliseconds", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .ToArray();

        Assert.True(offenders.Length == 0, $"These files set or handle a regex timeout, so a result could depend on machine load: {string.Join(", ", offenders)}");
    }

    [Theory]
    [InlineData("backend-payments")]
    [InlineData("api-design")]
    [InlineData("a")]
    [InlineData("a1-2b")]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a--b")]
    [InlineData("1abc")]
    [InlineData("Backend")]
    [InlineData("back_end")]
    [InlineData("backend-payments\n")]
    [InlineData("bäckend")]
    public void KebabId_AcceptsWhatTheProfilePatternAccepts(string id)
    {
        // dialogs/Profiles/YamlFields.cs keeps the pattern; `$` there also matches before a final newline, which no id has.
        var expected = ProfileIdPattern().IsMatch(id) && !id.EndsWith('\n');

        Assert.Equal(expected, KebabId.IsValid(id));
    }

    [Fact]
    public void SlackMarkdown_BoldPairs_MatchThePatternItReplaced()
    {
        var random = new Random(20261207);
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 24)).Select(_ => "**a <&\n"[random.Next(7)])]);

            Assert.Equal(MarkdownBold().Replace(SlackMrkdwn.Escape(text), "*$1*"), SlackMrkdwn.FromMarkdown(text));
            Assert.Equal(MarkdownBold().Replace(text, "$1"), SlackMrkdwn.PlainFromMarkdown(text));
        }
    }

    [Fact]
    public void SlackMarkdown_LongHostileText_IsStillEscapedWhole()
    {
        // An odd number of pairs of stars and angle brackets, far longer than any message: escaped in full, never skipped.
        var text = string.Concat(Enumerable.Repeat("**<!channel> ", 20_000)) + "**";

        var sut = SlackMrkdwn.FromMarkdown(text);

        Assert.DoesNotContain("<", sut, StringComparison.Ordinal);
        Assert.Equal(20_000, Regex.Count(sut, "&lt;!channel&gt;"));
        Assert.EndsWith("**", sut, StringComparison.Ordinal);
    }

    private static IEnumerable<MethodInfo> RegexFactories() => GeneratedRegexes.In(Bot);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileIdPattern();

    [GeneratedRegex(@"\*\*(.+?)\*\*", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex MarkdownBold();
}
