namespace ScreeningBot.Bot.Slack;

/// <summary>Slack error codes in words a recruiter or operator can act on.</summary>
internal static class SlackDeliveryErrors
{
    public static string Describe(SlackApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = error.ErrorCode;
        var reason = code.Value switch
        {
            "user_not_found" => "Slack doesn't know that user; pick them from the mention list",
            "cannot_dm_bot" => "that is a bot account, and bots can't be screened",
            "user_disabled" or "account_inactive" => "their Slack account is deactivated",
            "channel_not_found" or "not_in_channel" => "the bot is not a member of that channel; add it with `/invite @screener`",
            "is_archived" => "that channel is archived",
            "missing_scope" => "the Slack app lacks a permission; reinstall it from infra/slack/manifest.yaml",
            "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive_token" => "the bot's Slack token is not valid; the operator should check Slack__BotToken",
            "ratelimited" => "Slack is rate-limiting the bot; try again in a minute",
            "timeout" => "Slack did not answer in time; try again",
            "msg_blocks_too_long" or "invalid_blocks" => "Slack refused the message layout",
            _ when code.Value.StartsWith("http_", StringComparison.Ordinal) => "Slack could not be reached; try again",
            _ => "Slack refused the request",
        };
        return $"{reason} ({code})";
    }
}
