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

    [Theory]
    [InlineData("screen jane@example.com backend-senior")]
    [InlineData("screen <mailto:jane@example.com|jane@example.com> backend-senior")]
    [InlineData("invite backend-senior <mailto:Jane@Example.com>")]
    [InlineData("screen <a href=\"mailto:jane@example.com\">jane@example.com</a> backend-senior")]
    [InlineData("jane@example.com backend-senior")]
    public void Parse_InviteByEmail_AllFormsGiveALinkInvite(string text)
    {
        var command = RecruiterCommandParser.Parse(text);

        Assert.Equal(new InviteByLinkCommand("jane@example.com", null, "backend-senior"), command);
    }

    [Theory]
    [InlineData("screen \"Jane  Doe\" jane@example.com backend-senior")]
    [InlineData("screen jane@example.com \u201CJane Doe\u201D backend-senior")]
    public void Parse_InviteByEmail_TakesTheQuotedName(string text)
    {
        Assert.Equal(new InviteByLinkCommand("jane@example.com", "Jane Doe", "backend-senior"), RecruiterCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("screen \"Jane Doe\" backend-senior", "Which address should the interview link go to?")]
    [InlineData("screen jane@example.com", "Which role should I screen jane@example.com for?")]
    [InlineData("screen jane@example.com bob@example.com backend-senior", "One candidate and one profile at a time")]
    [InlineData("screen jane@example.com <@U012AB3CD|jane> backend-senior", "One candidate and one profile at a time")]
    [InlineData("screen jane@example.com back$end", "is not a profile id")]
    [InlineData("screen jane@localhost backend-senior", "\"jane@localhost\" is not an email address")]
    public void Parse_BadLinkInvite_ExplainsWhatIsWrong(string text, string expected)
    {
        var command = Assert.IsType<InvalidCommand>(RecruiterCommandParser.Parse(text));

        Assert.Contains(expected, command.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmailAndQuotedName_AreTargetsOfEveryCandidateCommand()
    {
        var email = new CommandTarget(null, null, Email: "jane@example.com");
        var name = new CommandTarget(null, null, Name: "Jane Doe");

        Assert.Equal(new StatusCommand(email, null), RecruiterCommandParser.Parse("status <mailto:jane@example.com|jane@example.com>"));
        Assert.Equal(new ReportCommand(name), RecruiterCommandParser.Parse("report \"Jane Doe\""));
        Assert.Equal(new CancelCommand(email), RecruiterCommandParser.Parse("cancel JANE@example.com"));
        Assert.Equal(new ForgetCommand(name, true), RecruiterCommandParser.Parse("forget \"Jane Doe\" confirm"));
        Assert.Equal("jane@example.com", email.Display);
        Assert.Equal("\"Jane Doe\"", name.Display);
    }

    [Fact]
    public void Parse_DraftProfileWithPastedText_KeepsTheDescriptionWhole()
    {
        var description = "Senior Backend Engineer, Payments\n\nYou will build the payment APIs.\n- 5+ years of Java\n- Kafka, PostgreSQL" + new string('.', 1_200);

        var command = RecruiterCommandParser.Parse("draft-profile backend-payments\n" + description);

        Assert.Equal(new DraftProfileCommand("backend-payments", description), command);
    }

    [Theory]
    [InlineData("draft-profile", "Which id should the new profile get?")]
    [InlineData("draft-profile Backend_Payments some text", "is not a profile id")]
    [InlineData("draft-profile backend-payments", "Paste the job description after the id")]
    [InlineData("draft-profile backend-payments\nSenior engineer.", "only 16 characters")]
    public void Parse_DraftProfileIncomplete_SaysWhatIsMissing(string text, string expected)
    {
        var command = Assert.IsType<InvalidCommand>(RecruiterCommandParser.Parse(text));

        Assert.Contains(expected, command.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DraftProfileOverTheLimit_IsRefusedAndPointsAtTheCli()
    {
        var command = Assert.IsType<InvalidCommand>(RecruiterCommandParser.Parse("draft-profile backend-payments\n" + new string('a', RecruiterCommandParser.MaxDescriptionLength + 1)));

        Assert.Contains("I take at most 20,000", command.Message, StringComparison.Ordinal);
        Assert.Contains("profile draft --from jd.txt --id backend-payments", command.Message, StringComparison.Ordinal);
    }
}
