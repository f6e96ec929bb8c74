namespace ScreeningBot.Bot.Health;

/// <summary>Log messages of the readiness checks (host block, 66xx).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(6601, LogLevel.Warning, "Readiness: storage did not answer the probe")]
    public static partial void StorageProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(6602, LogLevel.Warning, "Readiness: the LLM judge's model did not answer the probe")]
    public static partial void LlmProbeFailed(ILogger logger, Exception exception);
}
