using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Text helpers for Teams: strip the bot's own @mention from a command, and turn command text into Teams Markdown.</summary>
internal static partial class TeamsText
{
    /// <summary>
    /// The activity's text without the bot's own mentions (docs/channels.md): each mention entity whose <c>mentioned.id</c> is the
    /// recipient is removed by its entity <c>text</c> (or <c>&lt;at&gt;name&lt;/at&gt;</c>), case-insensitively; then trimmed.
    /// </summary>
    public static string RemoveBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!entity.IsMention || entity.GetMentioned() is not { } mentioned || botId is null || !string.Equals(mentioned.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var tag = entity.GetText() ?? $"<at>{mentioned.Name}</at>";
            text = text.Replace(tag, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return text.Trim();
    }

    /// <summary>The other people mentioned (the bot's own mention left out), as the command parser wants them.</summary>
    public static IReadOnlyList<(string Text, Commands.Mention Mention)> OtherMentions(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        var mentions = new List<(string, Commands.Mention)>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.IsMention && entity.GetMentioned() is { Id: { Length: > 0 } id } mentioned && !string.Equals(id, botId, StringComparison.OrdinalIgnoreCase))
            {
                mentions.Add((entity.GetText() ?? $"<at>{mentioned.Name}</at>", new Commands.Mention(id, mentioned.Name ?? string.Empty, mentioned.AadObjectId)));
            }
        }

        return mentions;
    }

    /// <summary>
    /// Command responses use the shared Markdown-light (<c>*bold*</c>, <c>`code`</c>, bullet lines); in Teams Markdown a single
    /// star is italics, so single-star emphasis becomes <c>**bold**</c>. Double stars and code spans are left alone.
    /// </summary>
    public static string ToTeamsMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SingleStarBold().Replace(text, "**$1**");
    }

    [GeneratedRegex(@"(?<![*\w`])\*(?=\S)([^*\n`]+?)(?<=\S)\*(?![*\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SingleStarBold();
}
