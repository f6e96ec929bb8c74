using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

public sealed class InterviewLinkLoggingTests
{
    /// <remarks>
    /// ASP.NET Core's own request log (category Microsoft.AspNetCore, Warning in the shipped appsettings.json) would show the
    /// address, token included, at Information; the README says so. The bot's own messages never hold it.
    /// </remarks>
    [Fact]
    public async Task LinkTurns_AtDebug_LogNoAnswerNameAddressOrToken()
    {
        const string Secret = "my-password-is-hunter2 and my address is 1 Main Street";
        await using var bot = LinkBot.Start(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" }, services => services.AddFakeLogging());
        var (interview, link) = await bot.InviteAsync("Jane Doe", "jane.doe@example.com");
        var jane = bot.Candidate(link);
        await jane.ReadAsync();

        await jane.SendTextAsync(Secret);
        using var tampered = await bot.Candidate(link[..^1] + (link[^1] == 'A' ? 'B' : 'A')).GetPageAsync();

        var records = bot.Service<FakeLogCollector>().GetSnapshot();
        var signature = link[(link.LastIndexOf('.') + 1)..];
        Assert.Contains(records, r => r.Category?.Contains("InterviewLink", StringComparison.Ordinal) == true && r.Level == LogLevel.Debug && r.Message.Contains(interview.CandidateConversation.ConversationId, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Warning && r.Message.Contains("refused with 404", StringComparison.Ordinal));
        var leaked = records.Where(r => r.Level > LogLevel.Trace
            && (r.Message.Contains("hunter2", StringComparison.Ordinal) || r.Message.Contains("Main Street", StringComparison.Ordinal)
                || r.Message.Contains("Jane", StringComparison.Ordinal) || r.Message.Contains("jane.doe", StringComparison.Ordinal)
                || (r.Category?.StartsWith("ScreeningBot", StringComparison.Ordinal) == true && r.Message.Contains(signature, StringComparison.Ordinal))))
            .Select(r => $"{r.Level} {r.Category}: {r.Message}");
        Assert.Empty(leaked);
    }
}
