namespace ScreeningBot.Bot;

/// <summary>
/// Log messages of the host and its commands. Event id registry: Dialogs 1xxx, BotFramework 2xxx, Slack 3xxx,
/// Storage 4xxx, Judging 5xxx, host and commands 6xxx, Playground 7xxx, turn host 8xxx. No candidate content above Trace.
/// </summary>
internal static partial class BotLog
{
    [LoggerMessage(6001, LogLevel.Information, "Recruiter command {Command} on {Channel}")]
    public static partial void CommandRun(ILogger logger, string channel, string command);

    [LoggerMessage(6002, LogLevel.Warning, "Recruiter command {Command} on {Channel} refused: the user is not a recruiter")]
    public static partial void CommandRefused(ILogger logger, string channel, string command);

    [LoggerMessage(6003, LogLevel.Warning, "Could not deliver a message to the candidate of interview {InterviewId}")]
    public static partial void InvitationUndelivered(ILogger logger, string interviewId, Exception exception);

    [LoggerMessage(6004, LogLevel.Information, "Erased a candidate: {Interviews} interviews, {Turns} transcript turns, {Reports} reports")]
    public static partial void CandidateForgotten(ILogger logger, int interviews, int turns, int reports);

    [LoggerMessage(6005, LogLevel.Information, "Interview {InterviewId} has no hiring conversation; its scorecard is stored but not posted")]
    public static partial void ScorecardNotPosted(ILogger logger, string interviewId);

    [LoggerMessage(6006, LogLevel.Error, "Profile file {File} is invalid and was not loaded ({ErrorCount} errors):\n{Errors}")]
    public static partial void ProfileInvalid(ILogger logger, string file, int errorCount, string errors);

    [LoggerMessage(6007, LogLevel.Information, "Loaded {Count} screening profiles from {Path}")]
    public static partial void ProfilesLoaded(ILogger logger, int count, string path);
}
