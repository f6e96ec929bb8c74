using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Append-only transcript of each interview. Turns are keyed by (interview id, sequence); writing a turn
/// whose sequence is already stored replaces it with identical content, so a retried turn never
/// duplicates a line. Text of any length is stored whole (Table adapters split it under the 64 KiB
/// property limit and join it on read).
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Stores turns (idempotent per sequence). All turns belong to one interview.</summary>
    Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken);

    /// <summary>All turns of an interview ordered by sequence; empty when none.</summary>
    Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Deletes the transcript; returns the number of turns deleted.</summary>
    Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken);
}
