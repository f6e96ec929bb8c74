using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Commands;

/// <summary>Finds the interview a command points at: the given id, or the mentioned candidate's latest screen.</summary>
internal static class CommandTargets
{
    public static async Task<Interview?> ResolveAsync(IInterviewStore store, CommandTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(target);
        if (target.InterviewId is { } id)
        {
            return (await store.GetAsync(id, cancellationToken))?.Interview;
        }

        if (target.Candidate?.Id is not { } candidateId)
        {
            return null;
        }

        var latest = await store.ListAsync(new InterviewQuery(CandidateId: candidateId), 1, cancellationToken);
        return latest.Count > 0 ? latest[0] : null;
    }

    /// <summary>The candidate's name, or their id when the channel gave no name.</summary>
    public static string Name(Interview interview) => string.IsNullOrWhiteSpace(interview.Candidate.Name) ? interview.Candidate.Id : interview.Candidate.Name;
}
