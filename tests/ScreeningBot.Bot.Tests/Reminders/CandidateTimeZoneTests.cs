using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Reminders;

/// <summary>The candidate's time zone: read from a Teams activity, kept with the interview when it names a real zone.</summary>
public sealed class CandidateTimeZoneTests
{
    private const string TeamsMessage = """
        {
          "type": "message", "id": "m-1", "timestamp": "2026-03-02T09:31:00.000Z", "serviceUrl": "https://smba.example/emea/", "channelId": "msteams",
          "from": { "id": "29:candidate", "name": "Ada" }, "conversation": { "conversationType": "personal", "id": "a:dm" },
          "recipient": { "id": "28:bot" }, "text": "yes",
          "entities": [ { "type": "clientInfo", "locale": "de-DE", "country": "DE", "platform": "Web", "timezone": "Europe/Berlin" } ]
        }
        """;

    [Fact]
    public void MessageOf_TeamsClientInfo_CarriesTheTimeZone()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, BotFrameworkJsonContext.Default.Activity)!;

        Assert.Equal("Europe/Berlin", ActivityMapper.MessageOf(activity).TimeZone);
    }

    [Fact]
    public void MessageOf_LocalTimezoneField_WinsOverClientInfo()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage.Replace("\"text\": \"yes\"", "\"text\": \"yes\", \"localTimezone\": \"Asia/Tokyo\"", StringComparison.Ordinal), BotFrameworkJsonContext.Default.Activity)!;

        Assert.Equal("Asia/Tokyo", ActivityMapper.MessageOf(activity).TimeZone);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("  Asia/Tokyo ", "Asia/Tokyo")]
    [InlineData("Mars/Olympus_Mons", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Known_UntrustedId_KeptOnlyWhenItNamesAZone(string? given, string? expected) =>
        Assert.Equal(expected, CandidateTimeZones.Known(given));

    [Fact]
    public async Task Interview_StartedWithSlackZone_ThenTeamsMessageWithAnother_KeepsTheLatestKnown()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        var interviews = new InMemoryInterviewStore();
        var dialog = new ScreeningDialog(new ScriptedJudge(), time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var sut = new InterviewService(new StaticProfileSource(SampleProfiles.Backend), interviews, new InMemoryTranscriptStore(), new InMemoryJobQueue(time), dialog, time, NullLogger<InterviewService>.Instance);
        var address = new ConversationAddress { ChannelId = "msteams", ConversationId = "a:dm" };

        var started = await sut.StartAsync(new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant("29:candidate", "Ada"), address, null, null, "America/New_York"), CancellationToken.None);
        var atStart = started.Interview!.Record.CandidateTimeZone;
        await sut.HandleMessageAsync(address.Key, new IncomingMessage("yes", "m-1") { TimeZone = "Mars/Olympus_Mons" }, CancellationToken.None);
        var afterBogus = (await interviews.GetAsync(started.Interview.Id, CancellationToken.None))!.Interview.Record.CandidateTimeZone;
        await sut.HandleMessageAsync(address.Key, new IncomingMessage("4", "m-2") { TimeZone = "Europe/Berlin" }, CancellationToken.None);
        var afterTeams = (await interviews.GetAsync(started.Interview.Id, CancellationToken.None))!.Interview.Record.CandidateTimeZone;

        Assert.Equal(("America/New_York", "America/New_York", "Europe/Berlin"), (atStart, afterBogus, afterTeams));
    }
}
