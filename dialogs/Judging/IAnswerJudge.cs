namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Judges the depth of one candidate answer. Implementations: <c>RubricJudge</c> (offline,
/// deterministic, the default) and the LLM judge in <c>bot/Judging</c>.
/// </summary>
/// <remarks>
/// The answer is untrusted candidate text: implementations treat it as data and never as instructions.
/// Implementations must be thread-safe; one instance serves every interview. They must not throw for a
/// bad answer (empty, huge, hostile): they return a low-depth <see cref="Judgment"/> instead. They may
/// throw <see cref="OperationCanceledException"/> when the cancellation token is cancelled.
/// </remarks>
public interface IAnswerJudge
{
    ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken);
}

/// <summary>What the judge needs to judge one answer.</summary>
/// <param name="InterviewId">For per-interview budgets and logging; never sent to an LLM.</param>
/// <param name="Question">The question as asked, with its knowledge areas and reference answer.</param>
/// <param name="Answer">The candidate's answer (untrusted). For a custom question with follow-ups, the
/// answers so far joined with blank lines.</param>
/// <param name="Kind">What kind of question was asked.</param>
/// <param name="EvaluationNotes">The profile's evaluation notes (trusted, written by the operator).</param>
/// <param name="BannedTopics">Topics a proposed follow-up must not touch.</param>
/// <param name="TokensSpent">LLM tokens (input + output) the interview has spent on judgments so far. Judges are
/// stateless across processes, so the caller passes it; an LLM judge stops calling the model once the interview's
/// budget is used. 0 when unknown.</param>
public sealed record JudgeRequest(
    string InterviewId,
    QuestionContext Question,
    string Answer,
    QuestionKind Kind,
    string EvaluationNotes,
    IReadOnlyList<string> BannedTopics,
    int TokensSpent = 0)
{
    /// <summary>How the bot should sound (the profile's <c>tone</c>; trusted, written by the operator): the wording of a proposed follow-up follows it.</summary>
    public string Tone { get; init; } = string.Empty;

    /// <summary>The profile's <c>companyInstructions</c> (trusted): context about the company and what the bot may not discuss.</summary>
    public string CompanyInstructions { get; init; } = string.Empty;

    /// <summary>The answer's words if the caller split them already (<see cref="TurnIntegrity"/>); used only when they are of this very <see cref="Answer"/> string.</summary>
    internal AnswerTokens? AnswerTokens { get; init; }
}

/// <summary>The question side of a <see cref="JudgeRequest"/>.</summary>
/// <param name="AreaSignals">Phrasings that show some of the knowledge areas (from the profile); null or empty when none.</param>
public sealed record QuestionContext(
    string QuestionId,
    string Text,
    IReadOnlyList<string> KnowledgeAreas,
    string? ReferenceAnswer,
    IReadOnlyList<Profiles.KnowledgeAreaSignals>? AreaSignals = null)
{
    /// <summary><see cref="AreaSignals"/>, never null.</summary>
    public IReadOnlyList<Profiles.KnowledgeAreaSignals> Signals => AreaSignals ?? [];

    /// <summary>The hiring team's red flags for the question (trusted, from the profile); the judge reports which the answer hits.</summary>
    public IReadOnlyList<Profiles.QuestionRedFlag> RedFlags { get; init; } = [];

    public static QuestionContext From(Profiles.IJudgedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new(question.Id, question.Text, question.KnowledgeAreas, question.ReferenceAnswer, question.AreaSignals) { RedFlags = question.RedFlags };
    }
}

public enum QuestionKind
{
    Custom,
    Blueprint,
    BlueprintFollowUp,
    Language,

    /// <summary>
    /// A factual short-answer question graded for correctness against a reference (how judges are measured on
    /// human-graded sets such as shared/eval/answer-grading). Specificity counts for little here; in interview
    /// questions it counts for much more.
    /// </summary>
    ShortAnswer,
}
