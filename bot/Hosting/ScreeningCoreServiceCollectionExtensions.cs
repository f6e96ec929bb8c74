using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Compliance;
using ScreeningBot.Bot.Drafting;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Hosting;

/// <summary>
/// The screening core as services: profiles, the judge, the dialog, the interview and scoring services and the
/// recruiter commands. Shared by the server and the terminal rehearsal, so both run the same code.
/// Storage and channels are registered separately.
/// </summary>
internal static class ScreeningCoreServiceCollectionExtensions
{
    public static IServiceCollection AddScreeningCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration); // what the options below bind, also for command-line verbs that build their own services
        services.AddOptionsWithValidateOnStart<ScreeningOptions, ScreeningOptionsValidator>().BindConfiguration(ScreeningOptions.SectionName)
            // The notice tells candidates how long their record is kept: the retention that actually deletes it.
            .PostConfigure(o => o.RetentionDays = configuration.GetValue($"{StorageOptions.SectionName}:{nameof(StorageOptions.RetentionDays)}", new StorageOptions().RetentionDays));
        services.AddOptionsWithValidateOnStart<ReportOptions, ReportOptionsValidator>().BindConfiguration(ReportOptions.SectionName);
        services.TryAddSingleton<ReportLinks>();
        services.AddInterviewLinkTokens();
        services.TryAddSingleton<InterviewLinkInvitations>();

        services.TryAddSingleton(sp => LoadProfiles(configuration, sp.GetRequiredService<ILogger<ProfileCatalog>>()));
        services.TryAddSingleton<IProfileSource>(sp => sp.GetRequiredService<ProfileCatalog>());
        services.AddScreeningJudge(configuration);
        services.TryAddSingleton(sp => new ScreeningDialog(
            sp.GetRequiredService<IAnswerJudge>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ScreeningOptions>>().Value,
            sp.GetRequiredService<ILogger<ScreeningDialog>>()));
        services.TryAddSingleton<InterviewService>();
        services.TryAddSingleton<ScoringJobHandler>();
        services.TryAddSingleton<IScoringJobHandler>(sp => sp.GetRequiredService<ScoringJobHandler>());
        services.TryAddSingleton<CandidateDataService>();
        services.TryAddSingleton<Decisions.DecisionService>();
        services.AddOptionsWithValidateOnStart<Reminders.ReminderOptions, Reminders.ReminderOptionsValidator>().BindConfiguration(Reminders.ReminderOptions.SectionName);
        services.TryAddSingleton<Decisions.ScreenExporter>();
        services.TryAddSingleton<Decisions.ExportLinks>();
        services.AddProfileDrafting();
        services.TryAddSingleton<RecruiterCommandService>();
        services.TryAddSingleton<ChannelRouter>();
        services.AddCandidateRights();
        Decisions.DecisionServiceCollectionExtensions.AddDecisionWebhook(services);
        return services;
    }

    private static ProfileCatalog LoadProfiles(IConfiguration configuration, ILogger logger)
    {
        var path = ValidateProfilesCommand.ResolveDefault(configuration, out var searched);
        if (path is null || !Directory.Exists(path))
        {
            throw new OptionsValidationException(
                "Screening:ProfilesPath",
                typeof(ProfileCatalog),
                [$"Screening:ProfilesPath '{configuration["Screening:ProfilesPath"] ?? "profiles"}' is not a directory (looked in {searched}). Point it at the folder with your <id>.yaml profiles."]);
        }

        var catalog = ProfileCatalog.Load(path);
        foreach (var (file, errors) in catalog.Errors)
        {
            BotLog.ProfileInvalid(logger, file, errors.Count, string.Join(Environment.NewLine, errors));
        }

        BotLog.ProfilesLoaded(logger, catalog.Profiles.Count, path);
        return catalog;
    }
}
