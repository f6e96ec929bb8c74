using System.Globalization;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Rendering;

/// <summary>Small formatting rules shared by every rendering of a scorecard.</summary>
internal static class ReportText
{
    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Outcome(InterviewStatus status) => status switch
    {
        InterviewStatus.Completed => "Completed",
        InterviewStatus.KnockedOut => "Ended at a knockout question",
        InterviewStatus.Declined => "Candidate declined consent",
        InterviewStatus.OptedOut => "Candidate asked for a person",
        InterviewStatus.Withdrawn => "Candidate withdrew",
        InterviewStatus.Expired => "Expired before completion",
        InterviewStatus.Cancelled => "Cancelled by a recruiter",
        InterviewStatus.Invalidated => "Stopped: the profile changed",
        InterviewStatus.Paused => "Paused",
        InterviewStatus.InProgress => "In progress",
        _ => "Not started",
    };

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters with an ellipsis, never inside a surrogate pair.</summary>
    public static string Trim(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
