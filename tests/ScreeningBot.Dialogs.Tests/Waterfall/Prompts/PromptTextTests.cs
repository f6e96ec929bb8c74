using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Tests.Waterfall.Prompts;

public sealed class PromptTextTests
{
    [Theory]
    [InlineData("  I used a queue.  ", "I used a queue.")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData("tab\there", "tab here")]
    [InlineData("line one\r\nline two", "line one line two")]
    [InlineData("zero\u200Bwidth\uFEFF", "zerowidth")]
    [InlineData("\u200B lead", " lead")]
    [InlineData("bell\u0007", "bell")]
    [InlineData("\u00A0no-break\u00A0", "no-break")]
    [InlineData("   ", "")]
    public void Normalize_TrimsFoldsAndCollapses(string text, string expected)
    {
        Assert.Equal(expected, PromptText.Normalize(text));
    }

    [Fact]
    public void Normalize_AlreadyNormalText_IsReturnedWithoutACopy()
    {
        var text = "I would put a read-through cache in front of it, 5 minutes TTL.";

        Assert.Same(text, PromptText.Normalize(text));
    }
}
