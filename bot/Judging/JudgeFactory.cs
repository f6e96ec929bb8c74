using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Bot.Judging;

/// <summary>The outcome of <see cref="JudgeFactory.Create"/>: a judge, or one line saying why there is none.</summary>
internal sealed record JudgeCreation(IAnswerJudge? Judge, string? Error);

/// <summary>
/// Creates a judge by name for tools that measure judges (<c>judge-eval</c>). The LLM judge is wired here once
/// it exists; until then asking for it explains what is missing.
/// </summary>
internal static class JudgeFactory
{
    public const string Rubric = "rubric";
    public const string Llm = "llm";

    public static IReadOnlyList<string> Names { get; } = [Rubric, Llm];

    public static JudgeCreation Create(string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return name switch
        {
            Rubric => new JudgeCreation(new RubricJudge(), null),
            Llm => new JudgeCreation(null,
                "the LLM judge needs Judge:Provider configured (AzureOpenAI or OpenAI, with Judge:Endpoint and a model) " +
                "and is not available in this build; use --judge rubric"),
            _ => new JudgeCreation(null, $"unknown judge '{name}'; choose one of: {string.Join(", ", Names)}"),
        };
    }
}
