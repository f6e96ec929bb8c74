using ScreeningBot.Bot.Commands;

namespace ScreeningBot.Bot.Tests.Commands;

public sealed class RecruiterCommandParserTests
{
    [Theory]
    [InlineData("screen <@U012AB3CD|jane> backend-senior")]
    [InlineData("invite <@U012AB3CD|jane> backend-senior")]
    [InlineData("<@U012AB3CD|jane> backend-senior")]
    [InlineData("  SCREEN   <@U012AB3CD|jane>   Backend-Senior ")]
    [InlineData("screen backend-senior <@U012AB3CD|jane>")]
    public void Parse_SlackInvite_AllFormsGiveTheSameCommand(string text)
    {
        var command = Assert.IsType<InviteCommand>(RecruiterCommandParser.Parse(text));

        Assert.Equal(new Mention("U012AB3CD", "jane"), command.Candidate);
        Assert.Equal("backend-senior", command.ProfileId);
    }

    [Fact]
    public void Parse_TeamsInvite_ResolvesTheAtTagThroughTheMentionEntity()
    {
        var jane = new Mention("29:1abc", "Jane Doe", "7faf8ab2-0000-0000-0000-000000000001");

        var command = RecruiterCommandParser.Parse("screen <at>Jane Doe</at> backend-senior", [("<at>Jane Doe</at>", jane)]);

        Assert.Equal(new InviteCommand(jane, "backend-senior"), command);
    }

    [Fact]
    public void Parse_BareAtName_GivesAMentionWithoutId()
    {
        var command = Assert.IsType<InviteCommand>(RecruiterCommandParser.Parse("screen @jane backend-mid"));

        Assert.Null(command.Candidate.Id);
        Assert.Equal("jane", command.Candidate.Name);
    }

    [Theory]
    [InlineData("screen backend-senior", "Who should I screen?")]
    [InlineData("screen <@U012AB3CD|jane>", "Which role should I screen @jane for?")]
    [InlineData("screen <@U012AB3CD|jane> <@U099|bob> backend-senior", "One candidate and one profile at a time")]
    [InlineData("screen <@U012AB3CD|jane> backend senior", "One candidate and one profile at a time")]
    [InlineData("screen <@U012AB3CD|jane> back$end", "is not a profile id")]
    [InlineData("dance", "I don't know the command \"dance\"")]
    [InlineData("cancel", "Usage: `cancel @candidate`")]
    [InlineData("report jane", "Usage: `report @candidate`")]
    [InlineData("status a b", "Usage: `status")]
    [InlineData("status not_an_id!", "is neither a mention")]
    public void Parse_BadInput_ExplainsWhatIsWrong(string text, string expected)
    {
        var command = Assert.IsType<InvalidCommand>(RecruiterCommandParser.Parse(text));

        Assert.Contains(expected, command.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", typeof(HelpCommand))]
    [InlineData("help", typeof(HelpCommand))]
    [InlineData("profiles", typeof(ProfilesCommand))]
    [InlineData("status", typeof(StatusCommand))]
    [InlineData("shortlist", typeof(ShortlistCommand))]
    public void Parse_SimpleVerbs(string text, Type expected)
    {
        Assert.IsType(expected, RecruiterCommandParser.Parse(text));
    }

    [Fact]
    public void Parse_StatusForms_DistinguishMentionInterviewAndProfile()
    {
        Assert.Equal(new StatusCommand(null, "backend-mid"), RecruiterCommandParser.Parse("status backend-mid"));
        Assert.Equal(new StatusCommand(new CommandTarget(null, "iv-abcdefghijklmnopqrst"), null), RecruiterCommandParser.Parse("status iv-ABCDEFGHIJKLMNOPQRST"));
        Assert.Equal(new Mention("U1AB", ""), Assert.IsType<StatusCommand>(RecruiterCommandParser.Parse("status <@U1AB>")).Target!.Candidate);
    }

    [Fact]
    public void Parse_Forget_RequiresExplicitConfirmWord()
    {
        var first = Assert.IsType<ForgetCommand>(RecruiterCommandParser.Parse("forget <@U012AB3CD|jane>"));
        var second = Assert.IsType<ForgetCommand>(RecruiterCommandParser.Parse("forget <@U012AB3CD|jane> confirm"));

        Assert.False(first.Confirmed);
        Assert.True(second.Confirmed);
    }

    [Fact]
    public void Parse_HugeInput_IsRefusedWithoutParsing()
    {
        var command = Assert.IsType<InvalidCommand>(RecruiterCommandParser.Parse(new string('a', 5_000)));

        Assert.Contains("5000 characters", command.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbs_CoverEveryCommandTheUsageMentions()
    {
        var usage = RecruiterCommandParser.Usage("/screen");

        Assert.All(RecruiterCommandParser.Verbs.Where(v => v != "invite"), v => Assert.Contains($"/screen {v}", usage, StringComparison.Ordinal));
    }
}
