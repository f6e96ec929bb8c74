using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Bot.Judging;

/// <summary>The outcome of <see cref="JudgeFactory.Create"/>: a judge, or one line saying why there is none.</summary>
/// <param name="Options">The LLM settings when <see cref="Judge"/> is the LLM judge (for cost estimates).</param>
internal sealed record JudgeCreation(IAnswerJudge? Judge, string? Error, LlmJudgeOptions? Options = null);

/// <summary>
/// Creates a judge by name for tools that measure judges (<c>judge-eval</c>): <c>rubric</c>, or <c>llm</c> built from
/// the <c>Judge</c> section exactly as the bot builds it (without the chat client's logging).
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
            Llm => CreateLlm(configuration),
            _ => new JudgeCreation(null, $"unknown judge '{name}'; choose one of: {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Why <c>Judge:Provider</c> is not a provider name, or null (empty means the default, Rubric).</summary>
    public static string? ProviderProblem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[$"{LlmJudgeOptions.SectionName}:{nameof(LlmJudgeOptions.Provider)}"];
        return string.IsNullOrWhiteSpace(value) || Enum.TryParse<JudgeProvider>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? null
            : $"Judge:Provider '{value}' is not a judge provider; use one of {string.Join(", ", Enum.GetNames<JudgeProvider>())}.";
    }

    private static JudgeCreation CreateLlm(IConfiguration configuration)
    {
        if (ProviderProblem(configuration) is { } problem)
        {
            return new JudgeCreation(null, problem);
        }

        var options = configuration.GetSection(LlmJudgeOptions.SectionName).Get<LlmJudgeOptions>() ?? new LlmJudgeOptions();
        if (!options.IsLlm)
        {
            return new JudgeCreation(null,
                "the LLM judge is not configured: Judge:Provider is Rubric. Set Judge:Provider to AzureOpenAI (with Judge:Endpoint and Judge:Deployment) " +
                "or OpenAI (with Judge:Model, and Judge:Endpoint for a compatible server), e.g. through environment variables Judge__Provider=...; see the README, section LLM judge");
        }

        var validation = new LlmJudgeOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            return new JudgeCreation(null, string.Join(" ", validation.Failures));
        }

        var judge = new LlmJudge(LlmChatClientFactory.Create(options), new RubricJudge(), options, TimeProvider.System, NullLogger<LlmJudge>.Instance);
        return new JudgeCreation(judge, null, options);
    }
}
