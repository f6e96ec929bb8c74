namespace ScreeningBot.Dialogs.Waterfall;

public static class InterviewStatusExtensions
{
    /// <summary>True for statuses after which no more questions are asked.</summary>
    public static bool IsTerminal(this InterviewStatus status) => status is not (InterviewStatus.NotStarted or InterviewStatus.InProgress or InterviewStatus.Paused);
}
