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
    [InlineData("<p>Senior Go engineer</p><p>Build &amp; run APIs</p>", "Senior Go engineer\nBuild & run APIs")]
    [InlineData("<div><div>line one<br>line two</div></div>", "line one\nline two")]
    [InlineData("<p>Title</p><p>&nbsp;</p><p>Body</p>", "Title\n\nBody")]
    [InlineData("<p>Title</p><p><br></p><p><br></p><p><br></p><p>Body</p>", "Title\n\nBody")]
    [InlineData("<p>Requirements</p><ul><li>Go</li><li>Kafka &lt;3</li></ul>", "Requirements\n- Go\n- Kafka <3")]
    [InlineData("<p><strong>Bold</strong> and <em>it&#39;s</em> <a href=\"https://x.example\">linked</a></p>", "Bold and it's linked")]
    [InlineData("plain line\nsecond line with List<T> and a < b", "plain line\nsecond line with List<T> and a < b")]
    [InlineData("<p>a</p>\r\n<p>b</p>", "a\nb")]
    [InlineData("<at id=\"0\">Screener</at>&nbsp;status", "<at>Screener</at> status")]
    [InlineData("<p>unclosed <p <p <p", "unclosed <p <p <p")]
    [InlineData("screen <at>A &amp; B &lt;b&gt;x&lt;/b&gt;</at> backend-senior &amp; more", "screen <at>A &amp; B &lt;b&gt;x&lt;/b&gt;</at> backend-senior & more")]
    public void PlainText_TeamsText_KeepsLinesDecodesEntitiesDropsTags(string text, string expected)
    {
        Assert.Equal(expected, TeamsText.PlainText(text, isHtml: false));
    }

    [Theory]
    [InlineData("<div>\r\n<div itemprop=\"copy-paste-block\">\n\r\n<div style=\"font-size:14px\"><strong>bold</strong></div>\n</div>\n</div>", "bold")]
    [InlineData("<p><span itemtype=\"http://schema.skype.com/Mention\" itemscope=\"\" itemid=\"0\">Screener</span>&nbsp;draft-profile x</p><p>Line&nbsp;two</p>", "<at>Screener</at> draft-profile x\nLine two")]
    [InlineData("<p><span itemtype=\"http://schema.skype.com/Mention\" itemid=\"1\">A &amp; B</span> &amp;</p>", "<at>A &amp; B</at> &")]
    [InlineData("<p>Word <o:p></o:p>paste</p><!-- note --><style>p{}</style><p>next</p>", "Word paste\nnext")]
    public void PlainText_HtmlAttachment_CollapsesLayoutWhitespaceAndDropsEveryTag(string html, string expected)
    {
        Assert.Equal(expected, TeamsText.PlainText(html, isHtml: true));
    }

    [Fact]
    public void PlainText_LongerThanTheBound_ReadsOnlyTheBound()
    {
        var html = "<p>" + new string('x', TeamsText.MaxHtmlLength) + "</p>";

        var sut = TeamsText.PlainText(html, isHtml: true);

        Assert.Equal(TeamsText.MaxHtmlLength - 3, sut.Length);
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
