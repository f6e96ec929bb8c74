namespace ScreeningBot.Bot.Decisions;

/// <summary>The feedback a recruiter was shown for decision <paramref name="DecisionId"/> of interview <paramref name="InterviewId"/>, to confirm with a click.</summary>
internal sealed record FeedbackConfirmation(string InterviewId, string DecisionId)
{
    /// <summary>The button value naming both: <c>{interview id}|{decision id}</c>.</summary>
    public string Value => InterviewId + "|" + DecisionId;

    /// <summary>The confirmation a button value names, or null when <paramref name="value"/> is not one.</summary>
    public static FeedbackConfirmation? Parse(string? value)
    {
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (value is null || value.Length > 160 || bar <= 0 || bar == value.Length - 1)
        {
            return null;
        }

        var interviewId = value[..bar];
        var decisionId = value[(bar + 1)..];
        return interviewId.Length <= 64 && decisionId.Length <= 64 && !decisionId.Contains('|', StringComparison.Ordinal) ? new FeedbackConfirmation(interviewId, decisionId) : null;
    }
}
