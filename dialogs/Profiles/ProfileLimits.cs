namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Bounds on profile and bank files. Profiles are written by operators but still read as untrusted input:
/// the limits are generous for real content and stop a runaway or hostile file early.
/// </summary>
internal static class ProfileLimits
{
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>YAML nodes per file (scalars, lists and mappings); a large real profile has about 1,500.</summary>
    public const int MaxNodes = 20_000;

    /// <summary>Nesting of lists and mappings; the deepest real shape is 4 (blueprints → followUps → knowledgeAreas).</summary>
    public const int MaxDepth = 10;

    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;
    /// <summary>Longest signal or banned topic; a signal with alternatives for each word (explained|presented customer*|support) needs room.</summary>
    public const int MaxSignalLength = 200;
    public const int MaxShortTextLength = 1_000;
    public const int MaxQuestionLength = 2_000;
    public const int MaxInstructionsLength = 4_000;
    public const int MaxReferenceAnswerLength = 6_000;

    public const int MaxListItems = 50;
    public const int MaxKnowledgeAreas = 12;
    public const int MaxSignals = 30;
    public const int MaxChoices = 20;
    public const int MaxAdaptiveFollowUps = 8;

    /// <summary>Red flags per question or deep-dive: a few sharp ones; more would read as a checklist.</summary>
    public const int MaxRedFlags = 6;
    public const int MaxBankEntriesPerFile = 200;

    public const int MinRequiredSkills = 3;
    public const int MaxRequiredSkills = 7;
    public const int MinBlueprintFollowUps = 2;
    public const int MaxBlueprintFollowUps = 3;

    /// <summary>Pressure tests per blueprint, on top of its ordinary follow-ups.</summary>
    public const int MaxPressureTests = 1;
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 240;
    public const int MinExpiryDays = 1;
    public const int MaxExpiryDays = 90;
    public const int MaxLanguageQuestions = 5;
}
