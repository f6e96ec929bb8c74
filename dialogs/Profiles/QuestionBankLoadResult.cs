namespace ScreeningBot.Dialogs.Profiles;

/// <summary>The question bank and every error found in its files (invalid entries are left out of the bank).</summary>
/// <param name="Files">The bank files read, in the order they were read.</param>
public sealed record QuestionBankLoadResult(QuestionBank Bank, IReadOnlyList<ProfileError> Errors, IReadOnlyList<string> Files)
{
    public bool IsValid => Errors.Count == 0;
}
