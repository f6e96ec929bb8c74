using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

public sealed class SlackLoggingTests
{
    private const string Candidate = "UJANE";

    [Fact]
    public async Task CandidateTurn_AtDebug_LogsNoCandidateText()
    {
        const string Secret = "my-password-is-hunter2 and my address is 1 Main Street";
        await using var sut = await SlackBotHarness.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            services => services.AddFakeLogging());
        sut.Slack.AddUser(Candidate, "Jane Doe");
        var dm = FakeSlackApi.DirectMessageChannel(Candidate);
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        await sut.WaitForAsync(c => c.Method == "response_url:invite", "the invitation");

        await sut.SendAsync(sut.Requests.DirectMessage(dm, Candidate, Secret));
        await sut.Slack.WaitForCountAsync(c => c.Method == "chat.postMessage" && c.Channel == dm, 3, SlackBotHarness.Deadline);

        var records = sut.Bot.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(records, r => r.Category?.Contains("Slack", StringComparison.Ordinal) == true && r.Level == LogLevel.Information);
        Assert.DoesNotContain(records, r => r.Level > LogLevel.Trace && (r.Message.Contains("hunter2", StringComparison.Ordinal) || r.Message.Contains("Main Street", StringComparison.Ordinal)));
    }
}
