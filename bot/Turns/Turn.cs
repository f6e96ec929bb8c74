using ScreeningBot.Bot.Commands;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// One inbound turn, channel-neutral: who said what, and where. A channel builds it from its wire input (a Bot Framework
/// activity, a Slack event, slash command or button click) once the request is authenticated; <see cref="TurnHost"/> runs it.
/// Everything in it came from outside and is untrusted, apart from the address, which only authenticated input builds.
/// </summary>
internal sealed record Turn
{
    /// <summary>The prefix of commands typed in Teams and Web Chat (<c>@Screener status</c>).</summary>
    public const string MentionPrefix = "@Screener";

    public required TurnKind Kind { get; init; }

    /// <summary>Where it happened: replies go there, and the candidate's interview is found by it.</summary>
    public required ConversationAddress Conversation { get; init; }

    /// <summary>Who sent it.</summary>
    public required Participant From { get; init; }

    /// <summary>What was typed or clicked (for <see cref="TurnKind.Message"/> turns; empty otherwise).</summary>
    public IncomingMessage Message { get; init; } = new(string.Empty);

    /// <summary>
    /// The command, parsed by the channel, which knows its mention syntax and text format: for <see cref="TurnKind.Command"/> turns,
    /// and optionally for a 1:1 message that may turn out to be a recruiter's command (else <see cref="Message"/>'s text is parsed).
    /// </summary>
    public RecruiterCommand? Command { get; init; }

    /// <summary>People mentioned in the message (the bot left out), should a 1:1 message turn out to be a recruiter's command.</summary>
    public IReadOnlyList<(string Text, Mention Mention)> Mentions { get; init; } = [];

    /// <summary>How commands are typed here (<c>/screen</c>, <c>@Screener</c>), for usage messages.</summary>
    public string CommandPrefix { get; init; } = MentionPrefix;

    /// <summary>The Teams team the conversation belongs to; its members may recruit when it is listed in <c>Screening:RecruiterTeams</c>.</summary>
    public string? TeamId { get; init; }

    /// <summary>The channel's id for this delivery; a redelivery with the same id in the same conversation is run once. Null: not deduplicated.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>For a button click: the question the button was shown with. A click on an earlier question's button is refused as stale.</summary>
    public string? ClickedQuestionId { get; init; }

    /// <summary>For <see cref="TurnKind.BotAdded"/>: true when the bot was added to a 1:1 chat rather than a team or group.</summary>
    public bool IsPersonal { get; init; }
}
