using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Dialogs.Tests.Language;

public sealed class GrammarChecksTests
{
    private static (int Slips, int Salad) Count(string sentence) => GrammarChecks.Count(LanguageText.Tokens(sentence));

    [Theory]
    [InlineData("I was not agree with him.")]
    [InlineData("I am work here.")]
    [InlineData("He want that we use it.")]
    [InlineData("She don't have time.")]
    [InlineData("They has a plan.")]
    [InlineData("I have make many changes.")]
    [InlineData("We didn't went there.")]
    [InlineData("You must to deploy it.")]
    [InlineData("It is more better now.")]
    [InlineData("I work here since three years.")]
    [InlineData("He gave me some informations.")]
    [InlineData("She is a engineer.")]
    [InlineData("Please explain me the plan.")]
    [InlineData("It is hard for maintain.")]
    [InlineData("Let me to explain.")]
    [InlineData("then i left.")]
    [InlineData("We fixed the the bug.")]
    public void Count_LearnerSlip_IsFound(string sentence)
    {
        Assert.True(Count(sentence).Slips >= 1, sentence);
    }

    [Theory]
    [InlineData("I was not sure, so I agreed to try it.")]
    [InlineData("I am working here since the spring release.")]
    [InlineData("He wants us to use it, and she doesn't have time.")]
    [InlineData("I have made many changes and we didn't go there.")]
    [InlineData("It is better now; an hour of tuning and a user survey helped.")]
    [InlineData("I have worked here for three years, since 2019.")]
    [InlineData("An SQL query and a unique index were enough.")]
    [InlineData("Please explain the plan to me.")]
    [InlineData("Let me explain what I think we should do.")]
    [InlineData("It was like a queue that never drained.")]
    public void Count_CorrectEnglish_FindsNothing(string sentence)
    {
        Assert.Equal((0, 0), Count(sentence));
    }

    [Theory]
    [InlineData("Synergy the of paradigm.")]
    [InlineData("Robust the and scalable of.")]
    public void Count_DeterminerOrOfBeforeAFunctionWord_IsWordSalad(string sentence)
    {
        Assert.True(Count(sentence).Salad >= 1, sentence);
    }
}
