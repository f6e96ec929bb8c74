namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// A red flag the hiring team set on a question or deep-dive, like "Red flag: doesn't mention versioning": shown on the
/// scorecard only when the answers hit it. Read from <c>redFlags:</c> by <see cref="RedFlagReader"/>; checked by the judges
/// (<c>dialogs/Judging/RedFlagCheck.cs</c> offline, the LLM judge in its prompt).
/// </summary>
/// <param name="Flag">What the hiring team reads when it is hit, e.g. "Does not mention versioning or compatibility".</param>
/// <param name="When">Hit when the signals are missing from the whole answer, or when the candidate says one.</param>
/// <param name="Signals">Signals in the syntax of knowledge-area signals (see <c>dialogs/Judging/SignalPattern.cs</c>).</param>
public sealed record QuestionRedFlag(string Flag, RedFlagTrigger When, IReadOnlyList<string> Signals);
