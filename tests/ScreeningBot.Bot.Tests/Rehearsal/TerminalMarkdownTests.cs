using ScreeningBot.Bot.Rehearsal;

namespace ScreeningBot.Bot.Tests.Rehearsal;

public sealed class TerminalMarkdownTests
{
    [Theory]
    [InlineData("**Question 1 of 3.** Tell me", "Question 1 of 3. Tell me")]
    [InlineData("What is the date?\n_Any clear date works._", "What is the date?\nAny clear date works.")]
    [InlineData("# Summary\nAll good", "Summary\n\nAll good")]
    [InlineData("First.\n\nSecond.", "First.\n\nSecond.")]
    [InlineData("Options:\n- one\n- two", "Options:\n  • one\n  • two")]
    [InlineData("See [the guide](https://example.com/guide)", "See the guide (https://example.com/guide)")]
    [InlineData("Use `repeat` or `pause`", "Use repeat or pause")]
    [InlineData("<b>not html</b> & more", "<b>not html</b> & more")]
    public void Render_Plain_DropsTheMarkers(string markdown, string expected) =>
        Assert.Equal(expected, TerminalMarkdown.Render(markdown, styled: false));

    [Fact]
    public void Render_Styled_UsesBoldAndItalicsInsteadOfMarkers()
    {
        var text = TerminalMarkdown.Render("**Design question.** Walk me through it.\n_Take your time._", styled: true);

        Assert.Equal("\u001b[1mDesign question.\u001b[22m Walk me through it.\n\u001b[3mTake your time.\u001b[23m", text);
    }

    [Fact]
    public void Render_ControlCharactersInText_AreDropped()
    {
        // A candidate name carrying an escape sequence must not reach the terminal as one.
        var text = TerminalMarkdown.Render("Hi Jane\u001b]0;pwned\u0007! Thanks.", styled: false);

        Assert.Equal("Hi Jane]0;pwned! Thanks.", text);
    }
}
