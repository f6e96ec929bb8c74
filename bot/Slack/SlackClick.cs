namespace ScreeningBot.Bot.Slack;

/// <summary>A click on a prompt's button: the prompt message (its <c>ts</c> and blocks, as Slack sent them back) and the chosen answer's title.</summary>
internal sealed record SlackClick(string MessageTs, SlackInteractionMessage? Message, string Chosen);
