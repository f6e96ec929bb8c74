namespace ScreeningBot.Dialogs.Compliance;

/// <summary>The result of <see cref="AuditChain.VerifyAsync"/>.</summary>
/// <param name="Entries">Entries checked and found in order (all of them when intact; those before the break otherwise).</param>
/// <param name="HeadHash">The hash of the last good entry (<see cref="AuditChain.Genesis"/> for an empty log): write it down to detect a cut-off tail later.</param>
/// <param name="BrokenAt">The sequence of the first entry that breaks the chain; null when intact.</param>
/// <param name="Problem">What is wrong with it, in words.</param>
public sealed record AuditVerification(long Entries, string HeadHash, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null;

    public static AuditVerification Intact(long entries, string headHash) => new(entries, headHash, null, null);

    public static AuditVerification Broken(long goodEntries, string lastGoodHash, long brokenAt, string problem) => new(goodEntries, lastGoodHash, brokenAt, problem);
}
