using System.Diagnostics;
using System.Diagnostics.Metrics;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>
/// The bot's metrics (meter <see cref="ScreeningBotTelemetry.Name"/>): turn, judge and storage latency and the delay from an
/// interview's end to its scorecard as histograms in seconds; counters of turns, judge fallbacks, duplicate deliveries and
/// storage-down answers; the turn queue and the scoring queue as gauges. Recording is a no-op check while no listener (an
/// OpenTelemetry exporter, dotnet-counters) is attached. Thread-safe.
/// </summary>
internal sealed class BotMetrics
{
    private readonly Meter _meter;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<double> _judgeDuration;
    private readonly Histogram<double> _storageDuration;
    private readonly Histogram<double> _scoringDelay;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _judgeFallbacks;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _storageDown;
    private readonly UpDownCounter<long> _scoringQueue;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(ScreeningBotTelemetry.Name);
        _turnDuration = _meter.CreateHistogram<double>("screeningbot.turn.duration", "s", "Time to run one turn, from the turn host taking it to its replies sent.");
        _judgeDuration = _meter.CreateHistogram<double>("screeningbot.judge.duration", "s", "Time to judge one answer.");
        _storageDuration = _meter.CreateHistogram<double>("screeningbot.storage.duration", "s", "Time of one storage call made for a turn.");
        _scoringDelay = _meter.CreateHistogram<double>("screeningbot.scoring.delay", "s", "Time from an interview's end to its scorecard being posted.");
        _turns = _meter.CreateCounter<long>("screeningbot.turns", "{turn}", "Turns run, by channel, kind and outcome.");
        _judgeFallbacks = _meter.CreateCounter<long>("screeningbot.judge.fallbacks", "{judgment}", "Answers the LLM judge was asked about and the rubric judge answered.");
        _duplicates = _meter.CreateCounter<long>("screeningbot.turns.duplicate", "{turn}", "Redeliveries dropped because the delivery was processed already.");
        _storageDown = _meter.CreateCounter<long>("screeningbot.storage.unavailable", "{turn}", "Turns answered 'please send it again' (or 503) because storage was down.");
        _scoringQueue = _meter.CreateUpDownCounter<long>(
            "screeningbot.scoring.queue.depth",
            "{job}",
            "Scoring jobs queued and not yet done: this instance's enqueues minus its completions, so the sum over instances is the queue.");
    }

    /// <summary>Publishes the turn queue's depth (turns accepted and not finished) as an observable gauge.</summary>
    public void ObserveTurnQueue(Func<int> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        _meter.CreateObservableGauge("screeningbot.turn.queue.depth", pending, "{turn}", "Turns accepted by the turn queue and not finished.");
    }

    public bool StorageEnabled => _storageDuration.Enabled;

    /// <summary>A turn ended with <paramref name="result"/>, or was cancelled by the host's shutdown (null).</summary>
    public void TurnEnded(TurnKind kind, string channel, TurnResult? result, TimeSpan elapsed)
    {
        if (!_turns.Enabled && !_turnDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { ScreeningBotTelemetry.Tags.Channel, channel },
            { ScreeningBotTelemetry.Tags.TurnKind, Name(kind) },
            { ScreeningBotTelemetry.Tags.Outcome, Name(result) },
        };
        _turns.Add(1, tags);
        _turnDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Duplicate(string channel) => _duplicates.Add(1, new KeyValuePair<string, object?>(ScreeningBotTelemetry.Tags.Channel, channel));

    public void StorageDown(string channel, TurnResult result) =>
        _storageDown.Add(1, new KeyValuePair<string, object?>(ScreeningBotTelemetry.Tags.Channel, channel), new KeyValuePair<string, object?>(ScreeningBotTelemetry.Tags.Outcome, Name(result)));

    public void StorageCall(string operation, long startedTimestamp, bool success)
    {
        if (_storageDuration.Enabled)
        {
            _storageDuration.Record(
                Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
                new KeyValuePair<string, object?>(ScreeningBotTelemetry.Tags.Operation, operation),
                new KeyValuePair<string, object?>(ScreeningBotTelemetry.Tags.Success, success));
        }
    }

    public void Judged(Judgment judgment, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        var judge = judgment.JudgedBy switch
        {
            JudgeKind.Llm => "llm",
            JudgeKind.RubricFallback => "rubric_fallback",
            _ => "rubric",
        };
        _judgeDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>(ScreeningBotTelemetry.Tags.Judge, judge));
        if (judgment.JudgedBy == JudgeKind.RubricFallback)
        {
            // Counted without the reason: it is a free sentence (an error message), too many values for a metric; the log has it.
            _judgeFallbacks.Add(1);
        }
    }

    public void ScorecardPosted(TimeSpan sinceInterviewEnded) => _scoringDelay.Record(Math.Max(0, sinceInterviewEnded.TotalSeconds));

    public void ScoringJobQueued() => _scoringQueue.Add(1);

    public void ScoringJobDone() => _scoringQueue.Add(-1);

    public static string Name(TurnKind kind) => kind switch
    {
        TurnKind.Message => "message",
        TurnKind.Command => "command",
        TurnKind.BotAdded => "bot_added",
        _ => "other",
    };

    public static string Name(TurnResult? result) => result switch
    {
        null => "cancelled",
        TurnResult.Completed => "completed",
        TurnResult.Duplicate => "duplicate",
        TurnResult.Apologized => "apologized",
        TurnResult.NotProcessed => "not_processed",
        TurnResult.Failed => "failed",
        _ => "other",
    };

    public static string Name(Phase phase) => phase switch
    {
        Phase.Consent => "consent",
        Phase.Knockouts => "knockouts",
        Phase.CustomQuestions => "custom_questions",
        Phase.Blueprints => "blueprints",
        Phase.LanguageAssessment => "language_assessment",
        Phase.Closing => "closing",
        _ => "other",
    };
}
