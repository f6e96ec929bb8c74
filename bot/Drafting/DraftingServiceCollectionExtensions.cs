using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Judging;

namespace ScreeningBot.Bot.Drafting;

/// <summary>Registers <see cref="ProfileDraftingService"/> for the <c>draft-profile</c> recruiter command.</summary>
internal static class DraftingServiceCollectionExtensions
{
    /// <summary>
    /// Drafts use the judge's LLM (the <c>Judge</c> section and its keyed <see cref="IChatClient"/>, with its logging and
    /// telemetry) when one is configured, and the question bank alone otherwise. Call after <c>AddScreeningJudge</c>.
    /// </summary>
    public static IServiceCollection AddProfileDrafting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmJudgeOptions>>().Value;
            var chat = options.IsLlm ? sp.GetRequiredKeyedService<IChatClient>(JudgingServiceCollectionExtensions.ChatClientKey) : null;
            return new ProfileDraftingService(
                sp.GetRequiredService<IConfiguration>(),
                chat,
                chat is null ? null : options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ProfileDraftingService>>());
        });
        return services;
    }
}
