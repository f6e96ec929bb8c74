namespace ScreeningBot.Bot.Rendering;

/// <summary>Block Kit limits (docs/channels.md). The renderer trims or splits so no message exceeds them.</summary>
internal static class BlockKitLimits
{
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3_000;
    public const int SectionFields = 10;
    public const int FieldText = 2_000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2_000;
    public const int BlockId = 255;
    public const int InputLabel = 2_000;
    public const int Placeholder = 150;

    /// <summary>Largest <c>max_length</c> a <c>plain_text_input</c> takes.</summary>
    public const int PlainTextInputLength = 3_000;

    /// <summary>
    /// Undocumented cap on the characters of all blocks of one message (<c>msg_blocks_too_long</c> near 13k, docs/channels.md);
    /// we stay under it with room to spare.
    /// </summary>
    public const int MessageCharacters = 12_000;

    /// <summary>Top-level <c>text</c> (notifications, screen readers); Slack truncates at 40k, we keep it short.</summary>
    public const int FallbackText = 3_000;
}
