namespace ScreeningBot.Bot.Turns;

/// <summary>Why a message in an interview's conversation was not taken (see <see cref="TurnRules"/>).</summary>
internal enum TurnRefusal
{
    /// <summary>The sender is not the interview's candidate.</summary>
    NotTheCandidate,

    /// <summary>The clicked button belongs to a question that was already answered.</summary>
    StaleClick,
}
