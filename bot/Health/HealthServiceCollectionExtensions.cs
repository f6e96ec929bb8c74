using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Judging;

namespace ScreeningBot.Bot.Health;

/// <summary>Liveness and readiness through ASP.NET Core's health checks.</summary>
internal static class HealthServiceCollectionExtensions
{
    /// <summary>Checks tagged so run on <see cref="BotRoutes.Ready"/>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long one readiness probe may take before it counts as failed (App Service waits about a minute between probes).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Storage always; the LLM judge's model only when <c>Judge:Provider</c> names one.</summary>
    public static IServiceCollection AddScreeningBotHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var checks = services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, tags: [ReadyTag], timeout: ProbeTimeout);
        if (Enum.TryParse<JudgeProvider>(configuration[$"{LlmJudgeOptions.SectionName}:{nameof(LlmJudgeOptions.Provider)}"], ignoreCase: true, out var provider)
            && provider != JudgeProvider.Rubric)
        {
            services.AddSingleton<LlmHealthCheck>();
            checks.AddCheck<LlmHealthCheck>(LlmHealthCheck.Name, tags: [ReadyTag], timeout: ProbeTimeout);
        }

        return services;
    }

    /// <summary><see cref="BotRoutes.Health"/> (liveness: no check, the process answers) and <see cref="BotRoutes.Ready"/> (readiness).</summary>
    public static WebApplication MapScreeningBotHealthChecks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(BotRoutes.Health, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.WriteLivenessAsync });
        app.MapHealthChecks(BotRoutes.Ready, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponses.WriteReadinessAsync });
        return app;
    }
}
