using ScreeningBot.Dialogs.Decisions;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// The candidate feedback a refreshed scorecard card shows under its current decision (Adaptive Card channels,
/// bot/Rendering/DecisionPanel.cs): the exact text the candidate would get with a "Send feedback" button, or, once it went,
/// who sent it and when, and no button.
/// </summary>
/// <param name="Confirmation">The interview and decision the text is about: the button's data.</param>
/// <param name="CandidateName">The candidate's name as the channel gave it (untrusted, shown inert).</param>
/// <param name="Text">The message as the candidate would get it.</param>
/// <param name="Sent">The note that recorded the send (<see cref="DecisionService.FeedbackSource"/>), once sent.</param>
internal sealed record FeedbackOnCard(FeedbackConfirmation Confirmation, string CandidateName, string Text, DecisionEntry? Sent);
