namespace ScreeningBot.Bot.Drafting;

/// <summary>
/// Log messages of profile drafting. Event ids 75xx. Job descriptions and model output never appear here: these carry
/// the profile id, counts, reasons and figures only.
/// </summary>
internal static partial class DraftingLog
{
    [LoggerMessage(7501, LogLevel.Information, "Drafted profile {ProfileId} with the LLM: {Accepted} parts used, {Rejected} replaced by the question bank's; {InputTokens}+{OutputTokens} tokens")]
    public static partial void Drafted(ILogger logger, string profileId, int accepted, int rejected, int inputTokens, int outputTokens);

    [LoggerMessage(7502, LogLevel.Warning, "The LLM gave no usable draft of profile {ProfileId} ({Reason}); the draft comes from the question bank")]
    public static partial void FellBack(ILogger logger, string profileId, string reason);

    [LoggerMessage(7503, LogLevel.Information, "Drafted profile {ProfileId} for a recruiter on {Channel}: {ReviewLines} lines to review; nothing saved")]
    public static partial void DraftedForRecruiter(ILogger logger, string profileId, string channel, int reviewLines);
}
