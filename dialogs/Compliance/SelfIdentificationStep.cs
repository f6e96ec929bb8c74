namespace ScreeningBot.Dialogs.Compliance;

/// <summary>The optional self-identification question waiting for an answer after a screen ended (see <c>SelfIdentificationQuestions</c>).</summary>
public enum SelfIdentificationStep
{
    Sex,
    RaceEthnicity,
}
