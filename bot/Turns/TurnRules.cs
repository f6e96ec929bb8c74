using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// Who may answer an interview, and which clicks still count. Asked by <see cref="InterviewService"/> once the interview is
/// loaded (see <see cref="TurnHost"/>), so a refused message never reaches the dialog.
/// </summary>
internal static class TurnRules
{
    /// <summary>Why <paramref name="turn"/> may not run as a turn of <paramref name="interview"/>; null when it may.</summary>
    public static TurnRefusal? Check(Turn turn, Interview interview)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(interview);
        if (!IsCandidate(turn.From, interview.Candidate))
        {
            return TurnRefusal.NotTheCandidate;
        }

        // A button answers the question it was shown with; once that was answered, its click must not answer the next one.
        return turn.ClickedQuestionId is { Length: > 0 } clicked
            && !interview.Record.IsEnded
            && interview.Position.Pending?.Prompt.QuestionId is { } pending
            && !string.Equals(pending, clicked, StringComparison.Ordinal)
            ? TurnRefusal.StaleClick
            : null;
    }

    private static bool IsCandidate(Participant sender, Participant candidate) =>
        string.Equals(sender.Id, candidate.Id, StringComparison.OrdinalIgnoreCase)
        || (sender.AadObjectId is { Length: > 0 } aad && string.Equals(aad, candidate.AadObjectId, StringComparison.OrdinalIgnoreCase));
}
