using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Commands;

/// <summary>What to answer the recruiter: text (Markdown-light: *bold*, `code`, bullet lines), optionally a scorecard to render as a card.</summary>
internal sealed record CommandResponse(string Text)
{
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
