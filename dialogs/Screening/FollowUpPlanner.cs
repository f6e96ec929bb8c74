using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Decides whether a custom question gets an adaptive follow-up and which one: aimed at what the judgment
/// says was missing, pre-written wording from the profile first, never the same focus twice, never more than
/// the template allows, and never touching a banned topic.
/// </summary>
public static class FollowUpPlanner
{
    /// <summary>Signal names a follow-up can probe besides knowledge areas.</summary>
    public const string Metrics = "metrics";

    public const string Tradeoffs = "tradeoffs";

    public const string Ownership = "ownership";

    public const string Example = "example";

    public const string FailureModes = "failure-modes";

    public static FollowUpDecision Plan(
        CustomQuestion question,
        Judgment judgment,
        int followUpsAsked,
        int maxFollowUps,
        IReadOnlyList<string> probed,
        IReadOnlyList<string> bannedTopics)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(judgment);
        ArgumentNullException.ThrowIfNull(probed);
        ArgumentNullException.ThrowIfNull(bannedTopics);
        if (followUpsAsked >= maxFollowUps || !judgment.NeedsFollowUp || judgment.RedFlags.Any(f => f.Code == RedFlag.NoAnswer))
        {
            return FollowUpDecision.None;
        }

        foreach (var focus in Candidates(judgment, question))
        {
            if (probed.Contains(focus, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = question.FollowUps.FirstOrDefault(f => string.Equals(f.Probes, focus, StringComparison.OrdinalIgnoreCase))?.Text;
            if (text is null && judgment.SuggestedFollowUp is { } suggested && string.Equals(focus, judgment.FollowUpFocus, StringComparison.OrdinalIgnoreCase))
            {
                text = suggested;
            }

            text ??= Generic(focus);
            if (TouchesBannedTopic(text, bannedTopics))
            {
                text = Generic(focus);
                if (TouchesBannedTopic(text, bannedTopics))
                {
                    continue;
                }
            }

            return new FollowUpDecision(focus, text);
        }

        return FollowUpDecision.None;
    }

    /// <summary>True when <paramref name="text"/> mentions any banned topic as a whole word or phrase.</summary>
    public static bool TouchesBannedTopic(string text, IReadOnlyList<string> bannedTopics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bannedTopics);
        foreach (var topic in bannedTopics)
        {
            var index = text.IndexOf(topic, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
                var end = index + topic.Length;
                var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after)
                {
                    return true;
                }

                index = text.IndexOf(topic, index + 1, StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static IEnumerable<string> Candidates(Judgment judgment, CustomQuestion question)
    {
        if (judgment.FollowUpFocus is { } focus)
        {
            yield return focus;
        }

        foreach (var missing in judgment.AreasMissing)
        {
            yield return missing;
        }

        // Pre-written follow-ups the profile offers, in order, then the generic signals.
        foreach (var followUp in question.FollowUps)
        {
            yield return followUp.Probes;
        }

        if (judgment.Specificity < 3)
        {
            yield return Metrics;
            yield return Example;
        }

        yield return Tradeoffs;
    }

    private static string Generic(string focus) => focus.ToLowerInvariant() switch
    {
        Metrics => "What numbers did you look at, before and after? Rough figures are fine: latency, error rate, cost, throughput.",
        Tradeoffs => "What alternatives did you consider, and what did you give up with the approach you chose?",
        Ownership => "What was your own part in that? Which decisions did you make yourself?",
        Example => "Could you walk me through one concrete example, step by step?",
        FailureModes => "What would break first if traffic grew 10x, and how would you find out?",
        _ => $"You didn't mention {focus}. How did that come into it?",
    };
}

/// <summary>A follow-up to ask (or <see cref="None"/>).</summary>
/// <param name="Focus">The knowledge area or signal it probes.</param>
/// <param name="Text">The question, as the candidate will read it.</param>
public sealed record FollowUpDecision(string? Focus, string? Text)
{
    public static FollowUpDecision None { get; } = new(null, null);

    public bool ShouldAsk => Text is not null;
}
