namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>The phases of a screen, in order.</summary>
public enum Phase
{
    Consent,
    Knockouts,
    CustomQuestions,
    Blueprints,
    LanguageAssessment,
    Closing,
}
