using Microsoft.Extensions.AI;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Judging;

/// <summary>
/// Judges answer depth with an LLM behind <see cref="IChatClient"/> (Azure OpenAI or any OpenAI-compatible endpoint),
/// asking for a JSON-schema <see cref="LlmVerdict"/>, and falls back to <see cref="RubricJudge"/> whenever the model
/// cannot be used: timeout, rate limit, content filter, unusable output twice, an error, or the interview's token budget
/// spent. A fallback judgment says so (<see cref="JudgeKind.RubricFallback"/> and <see cref="Judgment.FallbackReason"/>).
/// </summary>
/// <remarks>
/// <para>
/// Candidate text is untrusted. It is never part of the system message: the question, knowledge areas, reference
/// answer, evaluation notes and scale are; the answer goes in the user message between markers carrying a random
/// nonce and is labelled as data. Everything the model returns is validated: scores clamped to 0–5, areas restricted
/// to the question's, the evidence quote kept only if it occurs verbatim in the answer, red flags restricted to known
/// codes, the suggested follow-up bounded and dropped if it touches a banned topic.
/// </para>
/// <para>
/// The guard against manipulation does not rely on the model resisting it. The rubric judge scores every answer too
/// (it is deterministic and takes well under a millisecond), and its <see cref="AnswerScreen"/> decides what is not
/// part of the answer: text addressed to the grader or the hiring team, markup and links, lists of terms, sentences
/// copied from the reference answer. The model is sent only the rest, so a payload never reaches it. When the left-out
/// text tried to change the grading, the final depth is at most the model's depth less <see cref="InjectionPenalty"/>
/// and at most the rubric judge's depth (which itself is penalised the same); the same cap applies when the model itself
/// reports <c>prompt-injection</c>. An answer with any other integrity flag is worth at most the rubric judge's depth.
/// So an answer with a payload placed anywhere never scores above the same answer without it, even if the model were
/// fooled into any score. Answers the rubric judge flags as keyword lists or a copied question keep its caps.
/// </para>
/// <para>Thread-safe: one instance serves every interview; per-interview spending comes in <see cref="JudgeRequest.TokensSpent"/>.</para>
/// </remarks>
internal sealed partial class LlmJudge : IAnswerJudge
{
    public const string Purpose = "judgment";

    /// <summary>Depth taken off an answer that tries to manipulate the grader (the rubric judge's penalty).</summary>
    public const double InjectionPenalty = RubricJudge.InjectionPenalty;

    /// <summary>Longest follow-up question kept from the model; it is shown to the candidate.</summary>
    public const int MaxFollowUpChars = 300;

    /// <summary>Longest red-flag detail kept from the model; it is shown to recruiters.</summary>
    public const int MaxFlagDetailChars = 300;

    public const string BudgetReason = "budget";

    /// <summary>
    /// The <see cref="ChatOptions.AdditionalProperties"/> key Microsoft.Extensions.AI.OpenAI reads to send the JSON schema
    /// with <c>"strict": true</c>, so models that support it must follow the schema exactly.
    /// </summary>
    public const string StrictSchemaKey = "strict";

    private static readonly string[] KnownFlags =
        [RedFlag.PromptInjection, RedFlag.CopiedQuestion, RedFlag.KeywordStuffing, RedFlag.NoAnswer, RedFlag.OffTopic];


    private static readonly string[] SignalFocus =
        [FollowUpPlanner.Metrics, FollowUpPlanner.Tradeoffs, FollowUpPlanner.Ownership, FollowUpPlanner.Example, FollowUpPlanner.FailureModes];

    private readonly LlmCall _call;
    private readonly RubricJudge _rubric;
    private readonly LlmJudgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmJudge(IChatClient chat, RubricJudge rubric, LlmJudgeOptions options, TimeProvider time, ILogger<LlmJudge> logger)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _rubric = rubric;
        _options = options;
        _time = time;
        _logger = logger;
        _call = new LlmCall(chat, time, logger);
    }

    public async ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Question);
        cancellationToken.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        var (rubric, screen) = _rubric.JudgeScreened(request);
        var scan = screen.Injection;
        var marker = screen.Genuine.IndexOf(AnswerMarker, StringComparison.OrdinalIgnoreCase);
        var manipulated = scan.Manipulates || marker >= 0;
        var judged = marker >= 0 ? SafeText(screen.Genuine, screen.Genuine.Length, marker) : screen.Genuine;
        if (scan.Detected || marker >= 0)
        {
            JudgingLog.InjectionDetected(_logger, request.InterviewId, request.Question.QuestionId,
                string.Join(", ", marker >= 0 ? [.. scan.Findings, MarkerFinding] : scan.Findings));
            if (marker >= 0 && !scan.Manipulates)
            {
                // The rubric judge does not know the LLM's delimiter; apply its penalty here so the guard below holds.
                rubric = rubric with
                {
                    Depth = Judgment.Clamp(_rubric.Judge(request with { Answer = judged }).Depth - InjectionPenalty),
                    RedFlags = [new RedFlag(RedFlag.PromptInjection, "The answer imitates the grader's answer delimiter; only the part before it was judged."), .. rubric.RedFlags.Where(f => f.Code != RedFlag.PromptInjection)],
                };
            }
        }

        if (string.IsNullOrWhiteSpace(judged))
        {
            return Fallback(request, rubric, screen.Changed ? "nothing to judge once the text aimed at the grader was left out" : "empty answer", 0, 0);
        }

        if (request.TokensSpent >= _options.MaxTokensPerInterview)
        {
            return Fallback(request, rubric, BudgetReason, 0, 0);
        }

        var sent = ModelText.Cut(judged, _options.MaxAnswerChars);
        var messages = Prompt(request, sent, cut: sent.Length < judged.Length);
        var result = await _call.RunAsync<LlmVerdict>(
            messages, ChatOptions(), LlmJsonContext.Default.Options, _options.Timeout, Problem, Purpose, request.InterviewId, cancellationToken);
        if (result.Value is not { } verdict)
        {
            return Fallback(request, rubric, result.Failure ?? LlmCall.InvalidOutput, result.InputTokens, result.OutputTokens);
        }

        var judgment = Build(request, verdict, sent, rubric, manipulated) with
        {
            InputTokens = result.InputTokens,
            OutputTokens = result.OutputTokens,
        };
        JudgingLog.Judged(_logger, request.InterviewId, request.Question.QuestionId, judgment.Depth, judgment.InputTokens, judgment.OutputTokens,
            _time.GetElapsedTime(started).TotalMilliseconds);
        return judgment;
    }

    private ChatOptions ChatOptions() => new()
    {
        Temperature = (float?)_options.Temperature,
        MaxOutputTokens = _options.MaxOutputTokens,
        AdditionalProperties = new() { [StrictSchemaKey] = true },
    };

    /// <summary>Why a parsed verdict cannot be used at all (asks the model once more), or null. Ranges are clamped, not rejected.</summary>
    private static string? Problem(LlmVerdict verdict) =>
        !double.IsFinite(verdict.Depth) ? "depth is not a number"
        : !double.IsFinite(verdict.Specificity) ? "specificity is not a number"
        : !LanguageLevels.TryParse(verdict.LanguageLevel, out _) ? "languageLevel is not a CEFR level"
        : null;

    private Judgment Build(JudgeRequest request, LlmVerdict verdict, string sent, Judgment rubric, bool manipulated)
    {
        var question = request.Question;
        var interviewId = request.InterviewId;
        var areas = question.KnowledgeAreas ?? [];
        var covered = Canonical(verdict.AreasCovered, areas, out var unknownAreas);
        if (unknownAreas > 0)
        {
            JudgingLog.Dropped(_logger, interviewId, question.QuestionId, $"{unknownAreas} area names", "not among the question's knowledge areas");
        }

        var quote = verdict.EvidenceQuote?.Trim();
        if (quote is { Length: > 0 } && (quote.Length > RubricJudge.MaxQuoteLength || !sent.Contains(quote, StringComparison.Ordinal)))
        {
            JudgingLog.Dropped(_logger, interviewId, question.QuestionId, "the evidence quote", quote.Length > RubricJudge.MaxQuoteLength ? "too long" : "not verbatim in the answer");
            quote = null;
        }

        var modelFlags = (verdict.RedFlags ?? [])
            .Where(f => f is not null && KnownFlags.Contains(f.Code?.Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(f => new RedFlag(f.Code.Trim().ToLowerInvariant(), ModelText.OneLine(f.Detail, MaxFlagDetailChars) ?? "Reported by the LLM judge."))
            .GroupBy(f => f.Code, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        // Integrity flags are about the answer's form (what was left out and why), which the rubric judge establishes.
        var rubricFlags = rubric.RedFlags.Where(f => RedFlag.IsIntegrityCode(f.Code)).ToArray();
        var flags = rubricFlags.Concat(modelFlags.Where(m => !rubricFlags.Any(r => r.Code == m.Code))).ToArray();

        var depth = Judgment.Clamp(verdict.Depth);
        var specificity = Judgment.Clamp(verdict.Specificity);
        if (rubricFlags.Any(f => f.Code == RedFlag.KeywordStuffing))
        {
            depth = Math.Min(depth, RubricJudge.KeywordStuffingCap);
        }

        if (rubricFlags.Any(f => f.Code == RedFlag.CopiedQuestion))
        {
            depth = Math.Min(depth, RubricJudge.CopiedQuestionCap);
        }

        if (manipulated || modelFlags.Any(f => f.Code == RedFlag.PromptInjection))
        {
            // The guard (see remarks): never above the model's view less the penalty, nor above the rubric judge's.
            depth = Math.Min(depth - InjectionPenalty, rubric.Depth);
            specificity = Math.Min(specificity, rubric.Specificity);
        }
        else if (rubricFlags.Length > 0)
        {
            // Something was left out of what the model saw: the answer is worth no more than the rubric judge's view of the rest.
            depth = Math.Min(depth, rubric.Depth);
            specificity = Math.Min(specificity, rubric.Specificity);
        }

        var focus = Focus(verdict.FollowUpFocus, areas);
        var followUp = FollowUp(request, verdict.SuggestedFollowUp, focus);
        // The model may miss a paraphrase the profile's signals recognise: what the rubric judge found is at least touched.
        var touched = areas.Where(a => !covered.Contains(a, StringComparer.OrdinalIgnoreCase)
            && (rubric.AreasCovered.Contains(a, StringComparer.OrdinalIgnoreCase) || rubric.AreasTouched.Contains(a, StringComparer.OrdinalIgnoreCase))).ToArray();
        var judgment = Judgment.Create(
            depth,
            specificity,
            areasCovered: covered,
            areasTouched: touched,
            areasMissing: areas.Where(a => !covered.Contains(a, StringComparer.OrdinalIgnoreCase) && !touched.Contains(a, StringComparer.OrdinalIgnoreCase)),
            redFlags: flags,
            evidenceQuote: quote,
            needsFollowUp: verdict.NeedsFollowUp || Judgment.Clamp(depth) < RubricJudge.FollowUpDepth,
            followUpFocus: focus,
            judgedBy: JudgeKind.Llm);
        var level = LanguageLevels.TryParse(verdict.LanguageLevel, out var parsed) ? parsed : null;
        return judgment with
        {
            SuggestedFollowUp = followUp,
            FlagsHit = QuestionFlags(request, verdict.QuestionFlagsHit, rubric),

            // A level only for language questions, and not for an answer the checks above found copied or stuffed with keywords.
            LanguageLevel = request.Kind == QuestionKind.Language && !rubricFlags.Any(f => f.Code is RedFlag.CopiedQuestion or RedFlag.KeywordStuffing) ? level : null,
        };
    }

    /// <summary>
    /// The question's red flags the model says the answer hits: numbers outside the list, repeats and anything past the
    /// list's length are dropped (untrusted output). A "said" flag is quoted with the sentence the offline check found for
    /// it, when it found one; the model's own words are never taken as a quote.
    /// </summary>
    private List<RedFlagHit> QuestionFlags(JudgeRequest request, IReadOnlyList<int>? numbers, Judgment rubric)
    {
        var flags = request.Question.RedFlags;
        var hits = new List<RedFlagHit>();
        var dropped = 0;
        foreach (var n in (numbers ?? []).Take(Math.Max(1, flags.Count) * 2))
        {
            if (n < 1 || n > flags.Count || hits.Any(h => h.Flag == flags[n - 1].Flag))
            {
                dropped++;
                continue;
            }

            var flag = flags[n - 1];
            hits.Add(new RedFlagHit(flag.Flag, flag.When == Dialogs.Profiles.RedFlagTrigger.Said ? rubric.FlagsHit.FirstOrDefault(h => h.Flag == flag.Flag)?.Quote : null));
        }

        if (dropped > 0)
        {
            JudgingLog.Dropped(_logger, request.InterviewId, request.Question.QuestionId, $"{dropped} red-flag numbers", "not among the question's red flags, or repeated");
        }

        return hits;
    }

    /// <summary>The model's area names mapped to the question's own spelling; unknown names are counted and dropped.</summary>
    private static List<string> Canonical(IReadOnlyList<string>? names, IReadOnlyList<string> areas, out int unknown)
    {
        var result = new List<string>();
        unknown = 0;
        foreach (var name in names ?? [])
        {
            var match = areas.FirstOrDefault(a => string.Equals(a.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                unknown++;
            }
            else if (!result.Contains(match, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(match);
            }
        }

        return result;
    }

    /// <summary>A knowledge-area name or a follow-up signal; anything else is dropped.</summary>
    private static string? Focus(string? focus, IReadOnlyList<string> areas)
    {
        var trimmed = focus?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return areas.FirstOrDefault(a => string.Equals(a.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
            ?? SignalFocus.FirstOrDefault(s => string.Equals(s, trimmed, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Replace("-", string.Empty, StringComparison.Ordinal), trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The model's follow-up question if it can be shown to the candidate: for an experience question (only those get
    /// adaptive follow-ups), with a usable focus, one line, bounded, no markup or links, no banned topic.
    /// </summary>
    private string? FollowUp(JudgeRequest request, string? suggested, string? focus)
    {
        if (request.Kind != QuestionKind.Custom || focus is null || ModelText.OneLine(suggested) is not { } text)
        {
            return null;
        }

        var why = !ModelText.Fits(text, MaxFollowUpChars, ModelMarkup.Brackets, out var problem) ? problem
            : FollowUpPlanner.TouchesBannedTopic(text, request.BannedTopics ?? []) ? "touches a banned topic"
            : null;
        if (why is null)
        {
            return text;
        }

        JudgingLog.Dropped(_logger, request.InterviewId, request.Question.QuestionId, "the suggested follow-up", why);
        return null;
    }

    private Judgment Fallback(JudgeRequest request, Judgment rubric, string reason, int inputTokens, int outputTokens)
    {
        JudgingLog.FellBack(_logger, request.InterviewId, request.Question.QuestionId, reason);
        return rubric with { JudgedBy = JudgeKind.RubricFallback, FallbackReason = reason, InputTokens = inputTokens, OutputTokens = outputTokens };
    }

    /// <summary>
    /// What of an answer holding an attempt on the grader is sent to the model: the text before the attempt (before the
    /// detector's cut and before any imitation of the answer delimiter), ending at its last complete sentence so that
    /// an attempt's lead-in (a code fence, a heading, a fake delimiter line) is not sent either. Text with no sentence
    /// end is kept as it is.
    /// </summary>
    internal static string SafeText(string window, int safePrefixLength, int markerIndex)
    {
        var cut = markerIndex >= 0 ? Math.Min(safePrefixLength, markerIndex) : safePrefixLength;
        var prefix = window[..cut];
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] is '.' or '!' or '?' or '。' && (i + 1 == prefix.Length || char.IsWhiteSpace(prefix[i + 1])))
            {
                return prefix[..(i + 1)];
            }
        }

        return prefix;
    }
}
