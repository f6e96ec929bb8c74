using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Commands;

/// <summary>How commands name a screened candidate.</summary>
internal static class CommandTargets
{
    /// <summary>The candidate's name, or their id when the channel gave no name.</summary>
    public static string Name(Interview interview) => string.IsNullOrWhiteSpace(interview.Candidate.Name) ? interview.Candidate.Id : interview.Candidate.Name;
}
