using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary><see cref="DecisionTestData"/> through a running bot's services, as the Slack and Teams decision tests use it.</summary>
internal static class DecisionServices
{
    /// <summary>Stores <see cref="DecisionTestData.InterviewId"/>, finished, with its scorecard posted to <paramref name="hiring"/> as message <paramref name="postedMessageId"/>.</summary>
    public static Task<Interview> SeedFinishedAsync(
        this IServiceProvider services, ConversationAddress hiring, string postedMessageId, ConversationAddress? candidateConversation = null) =>
        DecisionTestData.SeedFinishedAsync(
            services.GetRequiredService<IInterviewStore>(), services.GetRequiredService<IReportStore>(), hiring, postedMessageId, candidateConversation: candidateConversation);

    /// <summary>The decisions and notes stored for <see cref="DecisionTestData.InterviewId"/>.</summary>
    public static Task<DecisionHistory> DecisionsAsync(this IServiceProvider services) =>
        services.GetRequiredService<IDecisionStore>().GetAsync(DecisionTestData.InterviewId, CancellationToken.None);
}
