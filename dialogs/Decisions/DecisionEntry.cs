namespace ScreeningBot.Dialogs.Decisions;

/// <summary>
/// One line of an interview's decision history: a decision (<see cref="Decision"/> set, <see cref="Text"/> the optional
/// reason) or a note (<see cref="Decision"/> null, <see cref="Text"/> the note). Entries are only ever appended, so a changed
/// decision keeps the earlier one. <see cref="Text"/> is a recruiter's free text: inert wherever it is shown.
/// </summary>
public sealed record DecisionEntry
{
    /// <summary>Longest reason or note kept; a note is a sentence or two, not a document.</summary>
    public const int MaxTextLength = 1_000;

    /// <summary>Unique id of the entry (sortable: time first), so an entry written twice is stored once.</summary>
    public required string Id { get; init; }

    public required string InterviewId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Who decided or wrote the note (channel user id).</summary>
    public required string ById { get; init; }

    /// <summary>Their display name as the channel gave it; may be empty.</summary>
    public string ByName { get; init; } = string.Empty;

    /// <summary>The decision, or null when the entry is a note.</summary>
    public HiringDecision? Decision { get; init; }

    /// <summary>The reason of a decision or the note itself; at most <see cref="MaxTextLength"/> characters.</summary>
    public string? Text { get; init; }

    /// <summary>Where it was made: <c>command</c>, <c>teams card</c>, <c>slack message</c>.</summary>
    public string Source { get; init; } = "command";

    /// <summary>The name to show for who made the entry.</summary>
    public string By => string.IsNullOrWhiteSpace(ByName) ? ById : ByName;
}
