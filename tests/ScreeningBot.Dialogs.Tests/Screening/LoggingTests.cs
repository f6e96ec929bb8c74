using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

public sealed class LoggingTests
{
    [Fact]
    public async Task CandidateText_NeverLoggedAboveTrace()
    {
        const string Secret = "my-secret-answer-about-kubernetes-7731";
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var profiles = new StaticProfileSource(SampleProfiles.Backend);
        var dialog = new ScreeningDialog(new ScriptedJudge(), time, new InterviewOptions(), factory.CreateLogger<ScreeningDialog>());
        var sut = new InterviewService(profiles, new InMemoryInterviewStore(), new InMemoryTranscriptStore(), new InMemoryJobQueue(time), dialog, time, factory.CreateLogger<InterviewService>());
        var address = new ConversationAddress { ChannelId = "test", ConversationId = "c" };
        await sut.StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("u", "Jane Secretname"), address, null, null), CancellationToken.None);

        foreach (var text in new[] { "yes", "5", "now", $"{Secret} and a long explanation of the design choices" })
        {
            await sut.HandleMessageAsync(address.Key, new IncomingMessage(text), CancellationToken.None);
        }

        var records = collector.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Trace && r.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Debug && r.Message.Contains("Judged answer api", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Level > LogLevel.Trace && (r.Message.Contains(Secret, StringComparison.Ordinal) || r.Message.Contains("Secretname", StringComparison.Ordinal)));
    }
}
