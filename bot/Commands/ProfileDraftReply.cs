using System.Globalization;
using System.Text;
using ScreeningBot.Bot.Drafting;
using ScreeningBot.Bot.Rendering;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// A drafted profile as chat messages: a summary with what to review and how to put the draft to use, then the YAML in
/// code blocks. Each block stays well under a Slack section (3,000 characters) and each message under Slack's 12,000, so
/// no block is ever cut in two; at most <see cref="MaxMessages"/> messages follow, because a slash command may be
/// answered five times in all.
/// </summary>
internal static class ProfileDraftReply
{
    public const int BlockCharacters = 1_300;
    public const int MessageCharacters = 10_000;
    public const int MaxMessages = 4;

    public static CommandResponse Create(ProfileDraft draft, string profileId, string prefix)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var messages = Messages(draft.Yaml, out var complete);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"*Draft profile `{profileId}`* by {MarkedText.Untrusted(draft.Source)}, starting from `{draft.BaseId}`, with deep-dives {string.Join(", ", draft.Blueprints.Select(b => $"`{b}`"))}. ");
        text.Append("It passes validate-profiles but is *not active*: nobody can be screened on it until someone saves it.\n*Review before any candidate sees it* (also at the top of the file):");
        // Review lines may quote the description or the model: marked untrusted, so no channel reads them as Markdown.
        foreach (var line in draft.Review)
        {
            text.Append("\n• ").Append(MarkedText.Untrusted(line));
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\n*To use it:* save the YAML below as `profiles/{profileId}.yaml` on the bot's host (or there, run `dotnet run --project bot -- profile draft --from jd.txt --id {profileId}`), " +
            $"fix what the review lines name, run `dotnet run --project bot -- validate-profiles`, and restart the bot; then `{prefix} screen @candidate {profileId}` works.");
        if (!complete)
        {
            text.Append("\n_The YAML is too long for chat and was cut; run the command above on the bot's host for the whole file._");
        }

        return new CommandResponse(text.ToString()) { Continuations = messages };
    }

    /// <summary>The YAML in fenced blocks of whole lines, grouped into messages.</summary>
    private static List<string> Messages(string yaml, out bool complete)
    {
        var blocks = new List<string>();
        var block = new StringBuilder();
        foreach (var line in yaml.Split('\n'))
        {
            // Description text cannot close the fence early; a line this long is wrapped by chat clients anyway.
            var safe = line.Replace("```", "'''", StringComparison.Ordinal);
            if (block.Length > 0 && block.Length + safe.Length + 1 > BlockCharacters)
            {
                blocks.Add(Fence(block));
                block.Clear();
            }

            block.Append(safe.Length > BlockCharacters ? safe[..BlockCharacters] : safe).Append('\n');
        }

        if (block.ToString().Trim().Length > 0)
        {
            blocks.Add(Fence(block));
        }

        var messages = new List<string>();
        var message = new StringBuilder();
        complete = true;
        foreach (var fenced in blocks)
        {
            if (message.Length > 0 && message.Length + fenced.Length + 2 > MessageCharacters)
            {
                if (messages.Count + 1 == MaxMessages)
                {
                    complete = false;
                    break;
                }

                messages.Add(message.ToString());
                message.Clear();
            }

            message.Append(message.Length > 0 ? "\n\n" : string.Empty).Append(fenced);
        }

        messages.Add(message.ToString());
        return messages;
    }

    private static string Fence(StringBuilder block) => "```\n" + block.ToString().TrimEnd('\n') + "\n```";
}
