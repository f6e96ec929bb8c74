using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Judging;

/// <summary>Registers the judge and the scorecard narrator picked by <c>Judge:Provider</c>.</summary>
internal static class JudgingServiceCollectionExtensions
{
    /// <summary>The key of the judge's <see cref="IChatClient"/>, so it never stands in for another chat client.</summary>
    public const string ChatClientKey = "ScreeningBot.Judge";

    /// <summary>
    /// Binds and validates the <c>Judge</c> section (at startup) and registers <see cref="IAnswerJudge"/> and
    /// <see cref="IScorecardNarrator"/>: the offline <see cref="RubricJudge"/> and template narrator by default, or
    /// <see cref="LlmJudge"/> and <see cref="LlmScorecardNarrator"/> over a keyed <see cref="IChatClient"/> (with
    /// logging, message text at Trace only, and OpenTelemetry activities and metrics, sensitive data off) for
    /// <c>AzureOpenAI</c> or <c>OpenAI</c>.
    /// </summary>
    public static IServiceCollection AddScreeningJudge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.AddOptionsWithValidateOnStart<LlmJudgeOptions, LlmJudgeOptionsValidator>()
            .Configure<IConfiguration>(ThrowOnUnknownProvider)
            .BindConfiguration(LlmJudgeOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RubricJudge>();
        services.AddKeyedChatClient(ChatClientKey, sp => LlmChatClientFactory.Create(Options(sp)))
            .UseLogging()
            .UseOpenTelemetry();

        services.TryAddSingleton<IAnswerJudge>(sp => Options(sp).IsLlm
            ? new LlmJudge(
                sp.GetRequiredKeyedService<IChatClient>(ChatClientKey),
                sp.GetRequiredService<RubricJudge>(),
                Options(sp),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LlmJudge>>())
            : sp.GetRequiredService<RubricJudge>());
        services.TryAddSingleton<IScorecardNarrator>(sp => Options(sp).IsLlm
            ? new LlmScorecardNarrator(
                sp.GetRequiredKeyedService<IChatClient>(ChatClientKey),
                Options(sp),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LlmScorecardNarrator>>())
            : TemplateScorecardNarrator.Instance);
        return services;
    }

    /// <summary>
    /// Runs before the section is bound: a <c>Judge:Provider</c> that is not a provider name fails with a sentence listing the
    /// names (the configuration binder's own message would only name the enum type).
    /// </summary>
    private static void ThrowOnUnknownProvider(LlmJudgeOptions options, IConfiguration configuration)
    {
        if (JudgeFactory.ProviderProblem(configuration) is { } problem)
        {
            throw new OptionsValidationException(LlmJudgeOptions.SectionName, typeof(LlmJudgeOptions), [problem]);
        }
    }

    private static LlmJudgeOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<LlmJudgeOptions>>().Value;
}
