namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// A profile as read from YAML, before validation: missing or mistyped values are placeholders (already
/// reported), so the validator can still check everything else and report all problems together.
/// </summary>
/// <param name="BlueprintOrigins">Per entry of <c>blueprints:</c>, where its content came from.</param>
/// <param name="RubricWeightsComplete">False when a weight could not be read; the sum is then not checked.</param>
/// <param name="DurationRead">False when durationMinutes was present but unreadable (already reported).</param>
internal sealed record ProfileDocument(
    Profile Profile,
    IReadOnlyList<BlueprintOrigin> BlueprintOrigins,
    bool RubricWeightsComplete,
    bool DurationRead);

/// <summary>Where one entry of a profile's <c>blueprints:</c> came from.</summary>
/// <param name="BankId">The bank id for a <c>ref:</c> entry that resolved; null for inline entries.</param>
/// <param name="SkillsFromBank">True when the skills are the bank's (not overridden in the profile).</param>
/// <param name="DimensionsFromBank">True when the dimensions are the bank's (not overridden in the profile).</param>
internal sealed record BlueprintOrigin(string? BankId, bool SkillsFromBank, bool DimensionsFromBank)
{
    public static BlueprintOrigin Inline { get; } = new(null, false, false);
}
