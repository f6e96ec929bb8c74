namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Self-identification answers, stored apart from interviews (their own table), one record per interview. Read by the
/// adverse-impact report, the operator's export and erasure only. Implementations: <see cref="InMemorySelfIdentificationStore"/>,
/// SQLite and Azure Tables in <c>bot/Storage</c>; one contract suite runs against all of them.
/// </summary>
/// <remarks>Thread-safe. Saving again for the same interview replaces the record.</remarks>
public interface ISelfIdentificationStore
{
    Task SaveAsync(SelfIdentification record, CancellationToken cancellationToken);

    Task<SelfIdentification?> GetAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Records matching <paramref name="query"/>, in no particular order.</summary>
    Task<IReadOnlyList<SelfIdentification>> ListAsync(SelfIdentificationQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the record of an interview; false when there was none.</summary>
    Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken);
}
