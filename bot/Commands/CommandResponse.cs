using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// What to answer the recruiter: text (Markdown-light: *bold*, `code`, bullet lines) whose untrusted values (names, titles,
/// notes, error details) are marked with <see cref="MarkedText.Untrusted"/>, optionally a scorecard to render as a card.
/// </summary>
internal sealed record CommandResponse
{
    public CommandResponse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Marked = text;
    }

    /// <summary>The answer with its untrusted values marked: what a channel renders, through <see cref="MarkedText.Render"/>.</summary>
    public string Marked { get; }

    /// <summary>The answer as the recruiter reads it, values as typed and no marks: for plain-text output, logs and tests.</summary>
    public string Text => MarkedText.Plain(Marked);

    public Scorecard? Scorecard { get; init; }

    /// <summary>When set, the answer previews candidate feedback and the channel offers a button that sends it (issue 17).</summary>
    public Decisions.FeedbackConfirmation? FeedbackConfirmation { get; init; }

    /// <summary>
    /// Further messages sent after <see cref="Text"/>, each Markdown with code blocks (a drafted profile's YAML): one chat
    /// message has room for about 12,000 characters on Slack.
    /// </summary>
    public IReadOnlyList<string> Continuations { get; init; } = [];

    /// <summary>True when the command did something (an invitation sent, data erased); false for refusals and errors.</summary>
    public bool Succeeded { get; init; } = true;

    public static CommandResponse Refused(string text) => new(text) { Succeeded = false };
}
