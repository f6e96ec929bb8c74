using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>The profile's <c>candidateFeedback</c> switch: read from YAML, off by default, refused with a fix when not a boolean.</summary>
public sealed class CandidateFeedbackProfileTests
{
    private static readonly string Shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Profiles, "backend-senior.yaml"));

    [Theory]
    [InlineData("", false)]
    [InlineData("candidateFeedback: true\n", true)]
    [InlineData("candidateFeedback: false\n", false)]
    public void Parse_CandidateFeedback_ReadAsWritten(string line, bool expected)
    {
        var result = ProfileLoader.Parse(line + Shipped, "backend-senior.yaml", TestProfiles.Catalog.Bank);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Profile!.CandidateFeedback);
    }

    [Fact]
    public void Parse_CandidateFeedbackNotABoolean_RefusedNamingFileFieldAndFix()
    {
        var result = ProfileLoader.Parse("candidateFeedback: sometimes\n" + Shipped, "backend-senior.yaml", TestProfiles.Catalog.Bank);

        var error = Assert.Single(result.Errors);
        Assert.Equal("backend-senior.yaml", error.File);
        Assert.Contains("candidateFeedback", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("must be true or false", error.ToString(), StringComparison.Ordinal);
    }
}
