namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// One answer to the optional self-identification, handed from the dialog to <see cref="Screening.InterviewService"/>, which
/// stores it in <see cref="Storage.ISelfIdentificationStore"/> and nowhere else (not the state, not the transcript). Null
/// for the question answered means the candidate skipped it.
/// </summary>
public sealed record SelfIdentificationAnswer(SelfIdentificationStep Question, SexCategory? Sex, RaceEthnicityCategory? RaceEthnicity);
