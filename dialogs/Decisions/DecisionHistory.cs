namespace ScreeningBot.Dialogs.Decisions;

/// <summary>An interview's decision entries, oldest first, with the current decision and the notes.</summary>
public sealed class DecisionHistory
{
    public DecisionHistory(IEnumerable<DecisionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal)];
        Current = Entries.LastOrDefault(e => e.Decision is not null);
        Notes = [.. Entries.Where(e => e.Decision is null)];
    }

    /// <summary>No decision and no notes.</summary>
    public static DecisionHistory Empty { get; } = new([]);

    public IReadOnlyList<DecisionEntry> Entries { get; }

    /// <summary>The latest decision; null while nobody has decided.</summary>
    public DecisionEntry? Current { get; }

    public IReadOnlyList<DecisionEntry> Notes { get; }

    /// <summary>Decisions made before <see cref="Current"/> (changed ones), oldest first.</summary>
    public IEnumerable<DecisionEntry> Earlier => Entries.Where(e => e.Decision is not null && !ReferenceEquals(e, Current));
}
