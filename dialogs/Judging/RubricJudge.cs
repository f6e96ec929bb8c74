namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// The offline judge: scores an answer's depth 0–5 from how much of the reference answer and the knowledge areas
/// it covers (content words, light stemming, synonym groups, question words demoted) and from specificity signals
/// (measurements, named technologies, trade-offs, first-hand experience, causes, examples).
/// </summary>
/// <remarks>
/// Deterministic and thread-safe: one instance serves every interview. Per-question data is cached. Work is
/// bounded: at most the first <see cref="MaxJudgedChars"/> characters of an answer are judged. Hostile answers
/// are contained rather than rejected: <see cref="AnswerScreen"/> leaves out text addressed to the grader or the hiring
/// team, markup and links, lists of terms and sentences copied from the reference answer, and flags each; the rest is
/// judged, less <see cref="InjectionPenalty"/> when the left-out text tried to change the grading, so a payload can
/// never raise a score. Answers that are mostly a list of terms or the question said back are capped low. Measured
/// against human graders with the <c>judge-eval</c> verb (see README, "Judge quality").
/// </remarks>
internal sealed partial class RubricJudge : IAnswerJudge
{
    /// <summary>How much of an answer is judged; interview answers are far shorter.</summary>
    public const int MaxJudgedChars = 20_000;

    /// <summary>Depth taken off an answer that tries to manipulate the grader.</summary>
    public const double InjectionPenalty = 1.0;

    /// <summary>
    /// Depth taken off an answer holding a list of terms: the list is left out, and the penalty outweighs a term of it
    /// glued to the next sentence ("…, outbox Entries get a TTL"), so a list never raises a score.
    /// </summary>
    public const double TermListPenalty = 0.25;

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
    public Judgment Judge(JudgeRequest request) => JudgeScreened(request).Judgment;

    /// <summary>Judges synchronously and also returns what <see cref="AnswerScreen"/> left out (the LLM judge sends only the rest).</summary>
    internal (Judgment Judgment, ScreenedAnswer Screen) JudgeScreened(JudgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Question);
        var model = _questions.Get(request.Question);
        var answer = request.Answer ?? string.Empty;
        var window = Bound(answer);
        var parsed = request.AnswerTokens is { } given && ReferenceEquals(given.Text, window) ? given : AnswerTokens.Parse(window);
        var screen = AnswerScreen.Screen(window, parsed, model, request.Kind, truncated: window.Length < answer.Length);
        var assessment = Assess(screen.Genuine, screen.Changed ? AnswerTokens.Parse(screen.Genuine) : parsed, model, request.BannedTopics ?? [], request.Kind) with
        {
            FlagsHit = RedFlagCheck.Check(request.Question.RedFlags, screen.Genuine),
        };
        if (!screen.Changed && screen.Flags.Count == 0)
        {
            return (assessment, screen);
        }

        var flags = new List<RedFlag>();
        var scan = screen.Injection;
        if (scan.Detected)
        {
            var what = string.Join(", ", scan.Findings.Select(PromptInjectionDetector.Describe));
            flags.Add(new RedFlag(
                RedFlag.PromptInjection,
                scan.Manipulates
                    ? $"The answer contains text addressed to the grader ({what}); it was left out and the rest judged, less {InjectionPenalty} point."
                    : $"The answer contains text addressed to the hiring team ({what}); it was left out of the judgment."));
        }

        flags.AddRange(screen.Flags);
        flags.AddRange(assessment.RedFlags.Where(f => !flags.Any(g => g.Code == f.Code)));
        var depth = assessment.Depth
            - (scan.Manipulates ? InjectionPenalty : 0)
            - (screen.Flags.Any(f => f.Code == RedFlag.KeywordStuffing) ? TermListPenalty : 0);
        return (assessment with
        {
            Depth = Judgment.Clamp(depth),
            RedFlags = flags,
            NeedsFollowUp = assessment.NeedsFollowUp || depth < FollowUpDepth,
        }, screen);
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
