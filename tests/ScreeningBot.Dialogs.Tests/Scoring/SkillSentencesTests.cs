using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Dialogs.Tests.Scoring;

/// <summary>A skill's quote is the sentence that names the skill most specifically (<see cref="SkillSentences"/>).</summary>
public sealed class SkillSentencesTests
{
    private static readonly Skill Databases = new() { Id = "databases", Name = "SQL and data modelling", Signals = ["index", "EXPLAIN", "query plan", "transaction", "N+1"] };

    [Fact]
    public void Ranked_PrefersTheSentenceNamingMostOfTheSkill()
    {
        var ranked = SkillSentences.Ranked(Databases, [
            ("deep", "We shipped it in two weeks and the team was happy. The report was slow until I added an index."),
            ("shallow", "I ran EXPLAIN, saw the query plan scan the whole table, and added a composite index."),
        ]).ToArray();

        Assert.Equal(("shallow", "I ran EXPLAIN, saw the query plan scan the whole table, and added a composite index."), ranked[0]);
        Assert.Equal(("deep", "The report was slow until I added an index."), ranked[1]);
        Assert.Equal(2, ranked.Length); // a sentence that names nothing of the skill is no evidence for it
    }

    [Fact]
    public void Ranked_OnATieTheDeeperAnswerThenTheEarlierSentence()
    {
        var ranked = SkillSentences.Ranked(Databases, [
            ("deeper", "The N+1 came from the ORM. Later the transaction got shorter."),
            ("other", "One transaction per request."),
        ]).Select(r => r.Quote ?? string.Empty).ToArray();

        Assert.Equal(["The N+1 came from the ORM.", "Later the transaction got shorter.", "One transaction per request."], ranked);
    }

    [Fact]
    public void Ranked_AnAbbreviationDoesNotEndTheSentence()
    {
        var reliability = new Skill { Id = "r", Name = "Reliability", Signals = ["alert"] };

        var ranked = SkillSentences.Ranked(reliability, [("incident", "At 2 a.m. my time, an alert fired, e.g. for card payments. I rolled back.")]).ToArray();

        Assert.Equal(("incident", (string?)"At 2 a.m. my time, an alert fired, e.g. for card payments."), Assert.Single(ranked));
    }

    [Fact]
    public void Matches_ATermInsideALongerOneCountsOnce()
    {
        var skill = new Skill { Id = "t", Name = "Testing", Signals = ["test", "unit test", "integration test"] };

        Assert.Equal(1, SkillSentences.Matches("I wrote a unit test for it.", [skill.Name, .. skill.Signals]));
        Assert.Equal(2, SkillSentences.Matches("A unit test and an integration test.", [skill.Name, .. skill.Signals]));
    }
}
