namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// A sign that an answer tried to game the judgment (see <c>RedFlag.IntegrityCodes</c>): text addressed to the grader or
/// the hiring team, a copy of the reference answer or the question, a list of terms, the same answer as another
/// question, an impossible typing speed, markup or links. The flagged part was left out of the scores.
/// </summary>
/// <param name="QuestionId">The question whose answer was flagged.</param>
/// <param name="Code">The red-flag code, e.g. <c>prompt-injection</c>.</param>
/// <param name="Detail">What was found and what was left out, for the hiring team.</param>
public sealed record IntegrityFlag(string QuestionId, string Code, string Detail)
{
    /// <summary>A short name of the kind of flag ("the same answer as another question"), for one-line summaries.</summary>
    public static string KindOf(string code) => code switch
    {
        Judging.RedFlag.PromptInjection => "text addressed to the grader or hiring team",
        Judging.RedFlag.CopiedReference => "copied from the reference answer",
        Judging.RedFlag.CopiedQuestion => "the question repeated back",
        Judging.RedFlag.KeywordStuffing => "a list of terms without sentences",
        Judging.RedFlag.RepeatedAnswer => "the same answer as another question",
        Judging.RedFlag.TypingSpeed => "faster than anyone types",
        Judging.RedFlag.Markup => "markup or links",
        _ => code,
    };
}
