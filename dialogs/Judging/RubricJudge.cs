namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// The offline judge: scores an answer's depth 0–5 from how much of the reference answer and the knowledge areas
/// it covers (content words, light stemming, synonym groups, question words demoted) and from specificity signals
/// (measurements, named technologies, trade-offs, first-hand experience, causes, examples).
/// </summary>
/// <remarks>
/// Deterministic and thread-safe: one instance serves every interview. Per-question data is cached. Work is
/// bounded: at most the first <see cref="MaxJudgedChars"/> characters of an answer are judged. Hostile answers
/// are contained rather than rejected: keyword lists and copied questions are capped low, and when
/// <see cref="PromptInjectionDetector"/> finds text aimed at the grader only the part written before it is judged,
/// less <see cref="InjectionPenalty"/>, so a payload can never raise a score. Measured against human graders with
/// the <c>judge-eval</c> verb (see README, "Judge quality").
/// </remarks>
internal sealed partial class RubricJudge : IAnswerJudge
{
    /// <summary>How much of an answer is judged; interview answers are far shorter.</summary>
    public const int MaxJudgedChars = 20_000;

    /// <summary>Depth taken off an answer that tries to manipulate the grader.</summary>
    public const double InjectionPenalty = 1.0;

    /// <summary>Highest depth of an answer that is a list of terms rather than sentences.</summary>
    public const double KeywordStuffingCap = 1.5;

    /// <summary>Highest depth of an answer that mostly repeats the question.</summary>
    public const double CopiedQuestionCap = 1.0;

    /// <summary>Below this depth an answer gets a follow-up.</summary>
    public const double FollowUpDepth = 3.0;

    private readonly QuestionModelCache _questions;

    public RubricJudge()
        : this(new QuestionModelCache())
    {
    }

    internal RubricJudge(QuestionModelCache questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        _questions = questions;
    }

    public ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Judge(request));
    }

    /// <summary>Judges synchronously (the work is CPU-only and well under a millisecond).</summary>
    public Judgment Judge(JudgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Question);
        var model = _questions.Get(request.Question);
        var answer = request.Answer ?? string.Empty;
        var window = Bound(answer);
        var scan = PromptInjectionDetector.Scan(window, truncated: window.Length < answer.Length);
        var judged = scan.Detected ? window[..scan.SafePrefixLength] : window;

        var assessment = Assess(judged, model, request.BannedTopics ?? [], request.Kind);
        if (!scan.Detected)
        {
            return assessment;
        }

        var flags = assessment.RedFlags
            .Prepend(new RedFlag(
                RedFlag.PromptInjection,
                $"The answer contains text aimed at the grader ({string.Join(", ", scan.Findings)}); only the part before it was judged, less {InjectionPenalty} point."))
            .ToArray();
        return assessment with
        {
            Depth = Judgment.Clamp(assessment.Depth - InjectionPenalty),
            RedFlags = flags,
            NeedsFollowUp = assessment.NeedsFollowUp || assessment.Depth - InjectionPenalty < FollowUpDepth,
        };
    }

    /// <summary>The first <see cref="MaxJudgedChars"/> characters, never splitting a surrogate pair.</summary>
    internal static string Bound(string answer)
    {
        if (answer.Length <= MaxJudgedChars)
        {
            return answer;
        }

        var length = char.IsHighSurrogate(answer[MaxJudgedChars - 1]) ? MaxJudgedChars - 1 : MaxJudgedChars;
        return answer[..length];
    }
}
