namespace ScreeningBot.Dialogs.Compliance;

/// <summary>Sex / gender as a candidate may self-identify: the EEO-1 categories NYC Local Law 144 bias audits report on, plus another gender.</summary>
public enum SexCategory
{
    Female,
    Male,

    /// <summary>Non-binary or another gender.</summary>
    AnotherGender,

    PreferNotToSay,
}
