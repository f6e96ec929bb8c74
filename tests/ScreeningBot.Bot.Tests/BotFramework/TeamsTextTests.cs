using System.Text.Json;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

public sealed class TeamsTextTests
{
    private static readonly TeamsActivities Payloads = new("https://smba.trafficmanager.net/amer/", "00000000-0000-4000-8000-000000000001");

    [Fact]
    public void RemoveBotMention_ChannelCommand_LeavesTheCommandAndOtherMentions()
    {
        var sut = Parse(Payloads.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", TeamsUser.Candidate));

        Assert.Equal("screen <at>Jane Doe</at> backend-senior", TeamsText.RemoveBotMention(sut));
    }

    [Fact]
    public void OtherMentions_ChannelCommand_ExcludeTheBotAndCarryIds()
    {
        var sut = Parse(Payloads.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", TeamsUser.Candidate));

        var mention = Assert.Single(TeamsText.OtherMentions(sut));
        Assert.Equal("<at>Jane Doe</at>", mention.Text);
        Assert.Equal(new Mention(TeamsUser.Candidate.Id, "Jane Doe", TeamsUser.Candidate.AadObjectId), mention.Mention);
    }

    [Fact]
    public void Parse_ChannelCommandThroughTeamsText_IsAnInvite()
    {
        var activity = Parse(Payloads.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", TeamsUser.Candidate));

        var sut = RecruiterCommandParser.Parse(TeamsText.RemoveBotMention(activity), TeamsText.OtherMentions(activity));

        var invite = Assert.IsType<InviteCommand>(sut);
        Assert.Equal("backend-senior", invite.ProfileId);
        Assert.Equal(TeamsUser.Candidate.Id, invite.Candidate.Id);
    }

    [Theory]
    [InlineData("Invited *Backend* now", "Invited **Backend** now")]
    [InlineData("*Latest screens*\n• a", "**Latest screens**\n• a")]
    [InlineData("already **bold** stays", "already **bold** stays")]
    [InlineData("`a` and *b*", "`a` and **b**")]
    [InlineData("5 * 3 = 15", "5 * 3 = 15")]
    public void ToTeamsMarkdown_SingleStarEmphasis_BecomesBold(string input, string expected)
    {
        Assert.Equal(expected, TeamsText.ToTeamsMarkdown(input));
    }

    private static Activity Parse(System.Text.Json.Nodes.JsonObject json) =>
        JsonSerializer.Deserialize(json.ToJsonString(), BotFrameworkJsonContext.Default.Activity)!;
}
