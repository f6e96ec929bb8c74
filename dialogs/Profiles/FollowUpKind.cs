namespace ScreeningBot.Dialogs.Profiles;

/// <summary>What a follow-up is for (YAML <c>kind:</c>).</summary>
public enum FollowUpKind
{
    /// <summary>Probes something the answer left out or kept vague (YAML <c>probe</c>, the default).</summary>
    Probe,

    /// <summary>
    /// Challenges a good answer too: changes the scenario (ten times the traffic, a new requirement, a fix that made
    /// things worse) and asks what the candidate would do now (YAML <c>pressure-test</c>). See issue 22.
    /// </summary>
    PressureTest,
}
