using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// What <see cref="ScorecardBuilder"/> computed the figures from, handed to <see cref="ScorecardWording"/> so the words can
/// point at the answers behind them.
/// </summary>
/// <param name="Answers">The last answer per judged question id.</param>
/// <param name="Texts">The candidate's own words per question id, follow-up answers joined in order.</param>
/// <param name="Judged">The judged questions in interview order (language questions excluded).</param>
internal sealed record ScoringContext(
    Profile Profile,
    Interview Interview,
    Dictionary<string, AnswerRecord> Answers,
    Dictionary<string, string> Texts,
    GenuineAnswers Genuine,
    QuestionInfo[] Judged)
{
    public InterviewRecord State => Interview.Record;

    /// <summary>"caching invalidation" for <c>caching-invalidation</c>; "caching invalidation, follow-up 1" for <c>caching-invalidation.f1</c>.</summary>
    public static string Topic(string questionId)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        var dot = questionId.LastIndexOf(".f", StringComparison.Ordinal);
        var followUp = dot > 0 && int.TryParse(questionId.AsSpan(dot + 2), out var n) ? n : 0;
        var root = followUp > 0 ? questionId[..dot] : questionId;
        var words = root.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(Word);
        var topic = string.Join(' ', words);
        return followUp > 0 ? $"{topic}, follow-up {followUp}" : topic;
    }

    private static string Word(string word) => word.ToLowerInvariant() switch
    {
        "api" or "apis" or "sql" or "http" or "slo" or "sla" or "ci" or "cd" or "aws" or "gcp" or "cqrs" or "rest" or "grpc" => word.ToUpperInvariant(),
        "saas" => "SaaS",
        _ => word.ToLowerInvariant(),
    };
}
