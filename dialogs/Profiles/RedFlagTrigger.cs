namespace ScreeningBot.Dialogs.Profiles;

/// <summary>When a question's red flag is hit (<c>ifMissing:</c> or <c>ifSaid:</c> in YAML).</summary>
public enum RedFlagTrigger
{
    /// <summary>The answer to the question, follow-ups included, shows none of the signals ("doesn't mention versioning").</summary>
    Missing,

    /// <summary>A sentence where the candidate speaks for themselves shows the behaviour, not negated ("we log card numbers").</summary>
    Said,
}
