using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Tests.Commands;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>
/// The turn host as the server composes it (the screening core, the host and its queue), over in-memory stores that can
/// fail or hold on demand, with a fake channel: turns are built by hand and answered into <see cref="RecordingTurnReplies"/>.
/// </summary>
internal sealed class TurnTestHost : IAsyncDisposable
{
    public const string ChannelId = "test";
    public const string Recruiter = "URECRUIT";

    private readonly ServiceProvider _services;
    private int _deliveries;

    public TurnTestHost(IDictionary<string, string?>? settings = null, params IRecruiterRule[] rules)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Screening:Recruiters:0"] = Recruiter,
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IProfileSource>(new StaticProfileSource(SampleProfiles.Backend));
        services.AddSingleton<IInterviewStore>(Interviews);
        services.AddSingleton<ITranscriptStore>(Transcripts);
        services.AddSingleton<IReportStore>(new InMemoryReportStore());
        services.AddSingleton<IDecisionStore>(new InMemoryDecisionStore());
        services.AddSingleton<IJobQueue>(new InMemoryJobQueue(Time));
        services.AddSingleton<IProcessedMessageLedger>(Ledger);
        services.AddSingleton<IAuditLog>(AuditLog);
        services.AddSingleton<IPostedMessageStore>(new InMemoryPostedMessageStore());
        services.AddSingleton<ISelfIdentificationStore>(new InMemorySelfIdentificationStore());
        services.AddSingleton<IConversationChannel>(Candidates);
        foreach (var rule in rules)
        {
            services.AddSingleton(rule);
        }

        services.AddScreeningCore(configuration);
        services.AddTurnHost();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public ControllableInterviewStore Interviews { get; } = new();

    public InMemoryTranscriptStore Transcripts { get; } = new();

    public ControllableLedger Ledger { get; } = new();

    public InMemoryAuditLog AuditLog { get; } = new();

    /// <summary>The channel recruiter commands reach candidates through (records invitations).</summary>
    public RecordingConversationChannel Candidates { get; } = new();

    public TurnHost Host => _services.GetRequiredService<TurnHost>();

    /// <summary>The meter factory the host's metrics come from (a <c>MetricCollector</c> scoped to it sees only this host's).</summary>
    public IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    public TurnQueue Queue => _services.GetRequiredService<TurnQueue>();

    public static ConversationAddress Conversation(string id) => new() { ChannelId = ChannelId, ConversationId = id };

    /// <summary>Starts an interview on the sample profile for <paramref name="candidateId"/> in conversation <paramref name="conversationId"/>.</summary>
    public async Task<Interview> StartInterviewAsync(string candidateId, string conversationId)
    {
        var result = await _services.GetRequiredService<InterviewService>().StartAsync(
            new StartInterviewRequest(SampleProfiles.Backend.Id, new Participant(candidateId, "Jane Doe"), Conversation(conversationId), null, null),
            CancellationToken.None);
        return result.Interview!;
    }

    /// <summary>A 1:1 message from <paramref name="from"/>, with a fresh delivery id unless one is given.</summary>
    public Turn Message(string conversationId, string from, string text, string? deliveryId = null)
    {
        var id = deliveryId ?? NextDeliveryId();
        return new()
        {
            Kind = TurnKind.Message,
            Conversation = Conversation(conversationId),
            From = new Participant(from, from),
            Message = new IncomingMessage(text, id),
            DeliveryId = id,
        };
    }

    /// <summary>A click on a button of question <paramref name="questionId"/> carrying <paramref name="value"/>.</summary>
    public Turn Click(string conversationId, string from, string questionId, string value) => new()
    {
        Kind = TurnKind.Message,
        Conversation = Conversation(conversationId),
        From = new Participant(from, from),
        Message = new IncomingMessage(string.Empty, "click:" + NextDeliveryId(), value),
        ClickedQuestionId = questionId,
    };

    public async Task<Interview> InterviewAsync(string conversationId) =>
        (await Interviews.Inner.FindByConversationAsync(Conversation(conversationId).Key, CancellationToken.None))!.Interview;

    public async Task<IReadOnlyList<string>> CandidateLinesAsync(string conversationId)
    {
        var interview = await InterviewAsync(conversationId);
        return [.. (await Transcripts.ReadAsync(interview.Id, CancellationToken.None)).Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text)];
    }

    public async ValueTask DisposeAsync()
    {
        await Queue.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    private string NextDeliveryId() => "d-" + Interlocked.Increment(ref _deliveries);
}
