using ScreeningBot.Bot.Drafting;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Drafting;

public sealed class ProtectedCharacteristicsTests
{
    [Theory]
    [InlineData("Are you under 35 years old?", "age")]
    [InlineData("What is your date of birth?", "age")]
    [InlineData("We are looking for young, dynamic people.", "age")]
    [InlineData("Are you male or female?", "sex or gender")]
    [InlineData("What is your ethnic background?", "race or ethnicity")]
    [InlineData("Which religion do you practise?", "religion")]
    [InlineData("Do you have any disability we should know about?", "disability or health")]
    [InlineData("Are you pregnant or planning to be?", "pregnancy or family plans")]
    [InlineData("Do you have children?", "pregnancy or family plans")]
    [InlineData("Are you married?", "marital status")]
    [InlineData("Are you a native English speaker?", "nationality or national origin")]
    [InlineData("What is your nationality?", "nationality or national origin")]
    [InlineData("Are you a US citizen?", "nationality or citizenship")]
    [InlineData("Which political party do you support?", "political views")]
    [InlineData("Are you a trade union member?", "trade union membership")]
    public void Find_ProtectedQuestion_NamesTheCharacteristic(string text, string expected)
    {
        Assert.Equal(expected, ProtectedCharacteristics.Find(text));
    }

    [Theory]
    [InlineData("Are you allowed to work in Germany without us sponsoring a visa or work permit?")]
    [InlineData("Are you legally authorised to work in the US (as a citizen, green card holder or with a work visa)?")]
    [InlineData("How many years have you built backend services professionally?")]
    [InlineData("Do you have over 10 years of experience with Java?")]
    [InlineData("How would you find a race condition between two workers?")]
    [InlineData("What do your health checks and readiness probes test?")]
    [InlineData("How do you protect the service from a man-in-the-middle attack?")]
    [InlineData("Which date could you start?")]
    [InlineData("How many working hours can you overlap with 09:00 to 17:00 Central European Time?")]
    public void Find_LawfulQuestion_FindsNothing(string text)
    {
        Assert.Null(ProtectedCharacteristics.Find(text));
    }

    [Fact]
    public void Find_ShippedBaseProfiles_AskNothingProtectedInTheirKnockouts()
    {
        foreach (var id in ProfileDraftingService.BaseIds)
        {
            Assert.All(TestProfiles.Catalog.Get(id).Knockouts, k => Assert.Null(ProtectedCharacteristics.Find(k.Question)));
        }
    }

    [Fact]
    public void Draft_BaseProfileWithProtectedKnockouts_DropsThemAndSaysWhy()
    {
        var senior = File.ReadAllText(Path.Combine(RepositoryPaths.Profiles, "backend-senior.yaml"));
        var hostile = senior.Replace("knockouts:\n", """
            knockouts:
              - id: max-age
                question: How old are you?
                type: number
                unit: years
                failIf: "> 40"
              - id: citizen
                question: Are you a citizen of this country?
                type: yesno
                failIf: "no"

            """.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("max-age", hostile, StringComparison.Ordinal);
        var bases = new Dictionary<string, string>
        {
            ["backend-senior"] = hostile,
            ["backend-mid"] = File.ReadAllText(Path.Combine(RepositoryPaths.Profiles, "backend-mid.yaml")),
        };
        var description = File.ReadAllText(ProfileDraftLlmTests.Description("go-platform.txt"));

        var draft = ProfileDrafter.Draft(description, "api-platform-go", "go-platform.txt", bases, TestProfiles.Catalog.Bank);

        var profile = ProfileLoader.Parse(draft.Yaml, "profiles/api-platform-go.yaml", TestProfiles.Catalog.Bank).Profile!;
        Assert.DoesNotContain(profile.Knockouts, k => k.Id is "max-age" or "citizen");
        Assert.Equal(TestProfiles.Catalog.Get("backend-senior").Knockouts.Select(k => k.Id), profile.Knockouts.Select(k => k.Id));
        Assert.Contains("knockouts: dropped \"How old are you?\", which asks about age, a protected characteristic", draft.Review);
        Assert.Contains("knockouts: dropped \"Are you a citizen of this country?\", which asks about nationality or citizenship, a protected characteristic", draft.Review);
    }
}
