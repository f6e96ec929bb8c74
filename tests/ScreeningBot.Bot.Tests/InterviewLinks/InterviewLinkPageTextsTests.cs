using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>The interview page in every language the interviews support (dialogs/Localization/Texts/): complete, and its buttons' commands understood.</summary>
public sealed class InterviewLinkPageTextsTests
{
    public static TheoryData<string> Languages => new(CandidateLanguages.Supported);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Render_EveryLanguage_FillsEveryPlaceholderAndNamesItsLanguage(string tag)
    {
        var language = CandidateLanguages.Resolve(tag);

        var html = InterviewLinkPage.Render(language);

        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{tag}\">", html, StringComparison.Ordinal);
        Assert.Contains($">{language.Texts.Page["noticeTitle"]}</h1>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Commands_TheButtonsSend_AreThatLanguagesCommands(string tag)
    {
        var language = CandidateLanguages.Resolve(tag);
        var page = language.Texts.Page;

        Assert.Equal(
            [CandidateCommand.Help, CandidateCommand.Pause, CandidateCommand.Resume],
            new[] { page["commandHelp"], page["commandPause"], page["commandResume"] }.Select(c => CandidateCommands.TryParse(c, language)));
    }

    [Fact]
    public void Texts_ForThePageScript_CannotEndTheirScriptElement()
    {
        var html = InterviewLinkPage.Render(CandidateLanguages.English);
        var start = html.IndexOf("id=\"page-texts\">", StringComparison.Ordinal);
        var block = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];

        Assert.DoesNotContain("<", block[1..], StringComparison.Ordinal);
        Assert.Contains("\\u0027", block, StringComparison.Ordinal);
    }
}
