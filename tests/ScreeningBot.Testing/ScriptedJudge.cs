using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Testing;

/// <summary>
/// A judge for dialog tests whose verdicts follow visible rules, so a test can say what it expects:
/// an answer containing "vague" (or shorter than 20 characters) is shallow and asks for a follow-up on
/// "metrics"; anything else is deep (depth 4.5) and quotes its first sentence. Records every request.
/// </summary>
public sealed class ScriptedJudge : IAnswerJudge
{
    private readonly ConcurrentQueue<JudgeRequest> _requests = new();

    public IReadOnlyList<JudgeRequest> Requests => [.. _requests];

    public ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        _requests.Enqueue(request);
        var answer = request.Answer;
        var lastPart = answer.Split("\n\n").Last();
        var shallow = lastPart.Contains("vague", StringComparison.OrdinalIgnoreCase) || lastPart.Length < 20;
        var quote = answer.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var areas = request.Question.KnowledgeAreas;
        return ValueTask.FromResult(shallow
            ? Judgment.Create(1.5, 1, areasMissing: areas, evidenceQuote: quote, needsFollowUp: true, followUpFocus: "metrics")
            : Judgment.Create(4.5, 4, areasCovered: areas, evidenceQuote: quote));
    }
}
