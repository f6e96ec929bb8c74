using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>Registers candidate rights and fairness: the audit trail, the recording scorecard publisher, access and erasure, the adverse-impact report.</summary>
internal static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates section <c>Compliance</c>; registers <see cref="AuditTrail"/>, <see cref="HiringChannelPublisher"/> as the
    /// <see cref="IScorecardPublisher"/>, <see cref="CandidateRightsService"/>, <see cref="AdverseImpactReporter"/> and, until people's
    /// decisions are recorded, <see cref="NoHumanDecisions"/>. Needs storage (AddScreeningBotStorage) and the channel router.
    /// </summary>
    public static IServiceCollection AddCandidateRights(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<ComplianceOptions, ComplianceOptionsValidator>().BindConfiguration(ComplianceOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<HiringChannelPublisher>();
        services.TryAddSingleton<IScorecardPublisher>(sp => sp.GetRequiredService<HiringChannelPublisher>());
        services.TryAddSingleton(sp => new CandidateExporter(
            sp.GetRequiredService<IInterviewStore>(),
            sp.GetRequiredService<ITranscriptStore>(),
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ISelfIdentificationStore>(),
            sp.GetRequiredService<IPostedMessageStore>(),
            sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CandidateRightsService>();
        services.TryAddSingleton<IHumanDecisionSource, Dialogs.Decisions.RecordedHumanDecisions>();
        services.TryAddSingleton(sp => new AdverseImpactReporter(
            sp.GetRequiredService<ISelfIdentificationStore>(),
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<IHumanDecisionSource>()));
        return services;
    }
}
