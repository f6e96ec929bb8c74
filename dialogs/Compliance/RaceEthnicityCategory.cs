namespace ScreeningBot.Dialogs.Compliance;

/// <summary>Race / ethnicity as a candidate may self-identify: the EEO-1 categories NYC Local Law 144 bias audits report on.</summary>
public enum RaceEthnicityCategory
{
    HispanicOrLatino,
    White,
    BlackOrAfricanAmerican,
    Asian,
    NativeHawaiianOrPacificIslander,
    AmericanIndianOrAlaskaNative,
    TwoOrMoreRaces,
    PreferNotToSay,
}
