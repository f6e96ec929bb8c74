using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ScreeningBot.Bot.Telemetry;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Telemetry;

/// <summary>The bot's spans and metrics as an OpenTelemetry exporter receives them (the in-memory exporter in the real host).</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TurnTelemetryTests
{
    [Fact]
    public async Task CandidateTurn_WithAnExporter_IsOneSpanWithChannelPhaseAndOutcomeAndALatencySample()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await using var bot = await TeamsBotHarness.StartAsync(configureServices: services => services.AddOpenTelemetry()
            .WithTracing(t => t.AddScreeningBotInstrumentation().AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddScreeningBotMeters().AddInMemoryExporter(metrics)));
        var jane = TeamsUser.Candidate;
        var conversation = TeamsActivities.PersonalConversationId(jane);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(bot.Activities.ChannelMessage(TeamsUser.Recruiter, "screen <at>Jane Doe</at> backend-senior", jane))).StatusCode);
        var started = await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        var prompt = started.Last(x => x.ConversationId == conversation && x.InputHint == "expectingInput").Activity!;
        var candidate = new ScriptedCandidate(TestProfiles.BackendSenior, Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml"));

        // Consent, three knockouts and the first experience question: five candidate turns, the last one judged.
        for (var turn = 0; turn < 5; turn++)
        {
            var (text, submit) = candidate.Answer(prompt);
            var answer = submit is not null ? bot.Activities.CardSubmit(jane, submit) : bot.Activities.PersonalMessage(jane, text!);
            answer["deliveryMode"] = "expectReplies";
            using var response = await bot.PostAsync(answer);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            prompt = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray().Last(r => r!["inputHint"]?.GetValue<string>() == "expectingInput")!;
        }

        bot.Factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
        bot.Factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var turns = spans.Where(s => s.OperationName == ScreeningBotTelemetry.TurnSpan).ToList();
        var answers = turns.Where(s => Tag(s, ScreeningBotTelemetry.Tags.TurnKind) == "message").ToList();
        Assert.Equal(5, answers.Count);
        Assert.All(answers, s =>
        {
            Assert.Equal("msteams", Tag(s, ScreeningBotTelemetry.Tags.Channel));
            Assert.Equal("completed", Tag(s, ScreeningBotTelemetry.Tags.Outcome));
            Assert.Equal(ActivityStatusCode.Unset, s.Status);
            Assert.NotEqual(default, s.ParentSpanId); // inside the request's span
        });
        Assert.Equal("knockouts", Tag(answers[0], ScreeningBotTelemetry.Tags.Phase));
        Assert.Equal("custom_questions", Tag(answers[^1], ScreeningBotTelemetry.Tags.Phase));
        var command = Assert.Single(turns, s => Tag(s, ScreeningBotTelemetry.Tags.TurnKind) == "command");
        Assert.Equal("completed", Tag(command, ScreeningBotTelemetry.Tags.Outcome));
        // Nothing the candidate or the recruiter wrote, and nobody's name or id, is in a span.
        Assert.All(turns.SelectMany(s => s.TagObjects), tag =>
        {
            var value = tag.Value?.ToString() ?? string.Empty;
            Assert.DoesNotContain("Jane", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(jane.Id, value, StringComparison.Ordinal);
            Assert.DoesNotContain(conversation, value, StringComparison.Ordinal);
            Assert.True(value.Length < 40, $"a tag holds text: {value}");
        });

        var latency = metrics.Last(m => m.Name == "screeningbot.turn.duration");
        Assert.Equal("s", latency.Unit);
        var messagePoint = Assert.Single(latency.MetricPoints, p => PointTag(p, ScreeningBotTelemetry.Tags.TurnKind) == "message" && PointTag(p, ScreeningBotTelemetry.Tags.Outcome) == "completed");
        Assert.Equal(5, messagePoint.GetHistogramCount());
        Assert.Equal("msteams", PointTag(messagePoint, ScreeningBotTelemetry.Tags.Channel));
        Assert.InRange(messagePoint.GetHistogramSum(), double.Epsilon, 60);
        var turnCount = metrics.Last(m => m.Name == "screeningbot.turns");
        Assert.Equal(6, turnCount.MetricPoints.Sum(p => p.GetSumLong()));
        var judged = metrics.Last(m => m.Name == "screeningbot.judge.duration");
        Assert.Contains(judged.MetricPoints, p => PointTag(p, ScreeningBotTelemetry.Tags.Judge) == "rubric" && p.GetHistogramCount() >= 1);
        var queue = metrics.Last(m => m.Name == "screeningbot.turn.queue.depth");
        Assert.Equal(0, queue.MetricPoints.Single().GetGaugeLastValueLong());
        var storage = metrics.Last(m => m.Name == "screeningbot.storage.duration");
        Assert.Contains(storage.MetricPoints, p => PointTag(p, ScreeningBotTelemetry.Tags.Operation) == "interview.update");
        Assert.Contains(storage.MetricPoints, p => PointTag(p, ScreeningBotTelemetry.Tags.Operation) == "ledger.contains");
    }

    [Fact]
    public async Task Redelivery_WithAnExporter_IsCountedAsADuplicate()
    {
        var metrics = new List<MetricSnapshot>();
        await using var bot = await TeamsBotHarness.StartAsync(configureServices: services => services.AddOpenTelemetry()
            .WithMetrics(m => m.AddScreeningBotMeters().AddInMemoryExporter(metrics)));
        var hello = bot.Activities.PersonalMessage(TeamsUser.Stranger, "hello");
        hello["deliveryMode"] = "expectReplies";

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(hello)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(hello)).StatusCode);

        bot.Factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var duplicates = metrics.Last(m => m.Name == "screeningbot.turns.duplicate");
        Assert.Equal(1, duplicates.MetricPoints.Sum(p => p.GetSumLong()));
        var outcomes = metrics.Last(m => m.Name == "screeningbot.turns").MetricPoints.ToDictionary(p => PointTag(p, ScreeningBotTelemetry.Tags.Outcome)!, p => p.GetSumLong());
        Assert.Equal(1, outcomes["completed"]);
        Assert.Equal(1, outcomes["duplicate"]);
    }

    [Fact]
    public async Task Exporters_OffByDefault_OnWithAnOtlpEndpointOrAzureMonitor()
    {
        // The host decides from its configuration while registering services, as AddScreeningBot does with builder.Configuration.
        await using var quiet = Provider([]);
        await using var otlp = Provider(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4318", ["Telemetry:OtlpProtocol"] = "HttpProtobuf" });
        await using var azure = Provider(new() { [TelemetryOptions.ApplicationInsightsSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/" });

        Assert.Null(quiet.GetService<TracerProvider>());
        Assert.Null(quiet.GetService<MeterProvider>());
        Assert.NotNull(otlp.GetService<TracerProvider>());
        Assert.NotNull(otlp.GetService<MeterProvider>());
        Assert.NotNull(azure.GetService<TracerProvider>());
        Assert.NotNull(azure.GetService<MeterProvider>());
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddScreeningBotTelemetry(configuration).BuildServiceProvider();
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    private static string? PointTag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
