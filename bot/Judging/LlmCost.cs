namespace ScreeningBot.Bot.Judging;

/// <summary>Estimated LLM cost from the configured per-1,000-token prices.</summary>
internal static class LlmCost
{
    /// <summary>USD for the given token counts, rounded to 1/10,000 of a dollar; null when prices are not configured.</summary>
    public static decimal? EstimateUsd(LlmJudgeOptions options, long inputTokens, long outputTokens)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InputPricePer1KTokensUsd is not { } input || options.OutputPricePer1KTokensUsd is not { } output)
        {
            return null;
        }

        return Math.Round((inputTokens * input + outputTokens * output) / 1000m, 4, MidpointRounding.AwayFromZero);
    }
}
