using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using Xunit.Sdk;

namespace ScreeningBot.Testing;

/// <summary>
/// A scripted conversation with the screening dialog, in the style of Bot Framework's TestFlow: an
/// immutable fluent chain run by <see cref="RunAsync"/>. Each <see cref="Send(string, string?)"/> is one full turn through
/// <see cref="InterviewService"/>: load state from the store, run, save (as JSON), so every flow also proves
/// that state round-trips. <see cref="RestartProcess"/> throws away every in-memory object except the stores.
/// A failure names the step and prints the conversation so far.
/// </summary>
public sealed class ConversationFlow
{
    private readonly Profile _profile;
    private readonly FakeTimeProvider _time;
    private readonly IAnswerJudge _judge;
    private readonly InterviewOptions _options;
    private readonly ImmutableList<(string Description, Func<Runner, Task> Action)> _steps;

    public ConversationFlow(Profile profile, FakeTimeProvider time, IAnswerJudge? judge = null, InterviewOptions? options = null)
        : this(profile, time, judge ?? new ScriptedJudge(), options ?? new InterviewOptions(), [])
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
    }

    private ConversationFlow(Profile profile, FakeTimeProvider time, IAnswerJudge judge, InterviewOptions options, ImmutableList<(string, Func<Runner, Task>)> steps)
    {
        _profile = profile;
        _time = time;
        _judge = judge;
        _options = options;
        _steps = steps;
    }

    /// <summary>The recruiter starts the screen: the candidate receives the welcome and consent question.</summary>
    public ConversationFlow Start() => Add("start", r => r.StartAsync());

    /// <summary>The candidate types <paramref name="text"/>.</summary>
    public ConversationFlow Send(string text, string? messageId = null) =>
        Add($"send \"{Short(text)}\"", r => r.SendAsync(new IncomingMessage(text, messageId)));

    /// <summary>The candidate's message exactly as a channel would hand it over (send and receive times included).</summary>
    public ConversationFlow Send(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Add($"send \"{Short(message.EffectiveText)}\" (sent {message.SentAt:HH:mm:ss.fff}, received {message.ReceivedAt:HH:mm:ss.fff})", r => r.SendAsync(message));
    }

    /// <summary>
    /// The candidate sends <paramref name="texts"/> at once, before any reply can reach them: all are sent and received at the
    /// same instant, then taken one after the other, as the turn queue takes them, each turn taking <see cref="TurnDuration"/>.
    /// </summary>
    public ConversationFlow SendAtOnce(params string[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Add($"send at once {string.Join(" + ", texts.Select(t => $"\"{Short(t)}\""))}", async r =>
        {
            var now = _time.GetUtcNow();
            foreach (var message in texts.Select(t => new IncomingMessage(t) { SentAt = now, ReceivedAt = now }).ToArray())
            {
                _time.Advance(TurnDuration);
                await r.SendAsync(message);
            }
        });
    }
    /// <summary>
    /// The candidate's client stamps <paramref name="text"/> <paramref name="typedFor"/> after the current time, as a
    /// channel's timestamp does, and the message arrives then (the fake clock moves by <paramref name="typedFor"/>).
    /// </summary>
    public ConversationFlow SendAfter(TimeSpan typedFor, string text) =>
        Add($"send after {typedFor} \"{Short(text)}\"", r =>
        {
            _time.Advance(typedFor);
            return r.SendAsync(new IncomingMessage(text, null) { SentAt = _time.GetUtcNow() });
        });

    /// <summary>The candidate clicks a button whose value is <paramref name="value"/>.</summary>
    public ConversationFlow Click(string value) =>
        Add($"click {value}", r => r.SendAsync(new IncomingMessage(string.Empty, null, value)));

    public ConversationFlow AssertReply(string expected) =>
        Add($"reply == \"{Short(expected)}\"", r => r.Expect(reply => reply.Text == expected, $"a reply equal to \"{expected}\""));

    public ConversationFlow AssertReplyContains(string fragment) =>
        Add($"reply contains \"{Short(fragment)}\"", r => r.Expect(reply => reply.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"a reply containing \"{fragment}\""));

    public ConversationFlow AssertReply(Func<Reply, bool> predicate, string description) =>
        Add($"reply: {description}", r => r.Expect(predicate, description));

    /// <summary>Drops the next replies without checking them (for long preambles a test does not care about).</summary>
    public ConversationFlow SkipReplies(int count) => Add($"skip {count} replies", r => r.Skip(count));

    public ConversationFlow AssertNoMoreReplies() => Add("no more replies", r => r.ExpectNoMore());

    /// <summary>Shorthand: send, then expect the next reply to contain <paramref name="expected"/>.</summary>
    public ConversationFlow Test(string userSays, string expected) => Send(userSays).AssertReplyContains(expected);

    /// <summary>Checks what the stored interview has gathered (answers, knockouts, status, times).</summary>
    public ConversationFlow AssertRecord(Action<InterviewRecord> assert) => Add("record", r => r.WithInterviewAsync(i => assert(i.Record)));

    /// <summary>Checks where the stored interview stands in its plan (pending prompt, working answer).</summary>
    public ConversationFlow AssertPosition(Action<PlanPosition> assert) => Add("position", r => r.WithInterviewAsync(i => assert(i.Position)));

    public ConversationFlow AssertInterview(Action<Interview> assert) => Add("interview", r => r.WithInterviewAsync(assert));

    public ConversationFlow AssertTranscript(Action<IReadOnlyList<TranscriptTurn>> assert) => Add("transcript", r => r.WithTranscriptAsync(assert));

    /// <summary>A new process: new dialog, service and judge wiring; only the stores survive.</summary>
    public ConversationFlow RestartProcess() => Add("restart process", r => r.Restart());

    public ConversationFlow AdvanceTime(TimeSpan by) => Add($"advance time {by}", r =>
    {
        _time.Advance(by);
        return Task.CompletedTask;
    });

    /// <summary>Replaces the profile the service sees (an operator edits the YAML mid-interview).</summary>
    public ConversationFlow ChangeProfile(Profile changed) => Add("change profile", r => r.ChangeProfile(changed));

    /// <summary>Runs the steps in order; returns the stores so a test can look further.</summary>
    public async Task<ConversationStores> RunAsync()
    {
        var runner = new Runner(_profile, _time, _judge, _options);
        for (var i = 0; i < _steps.Count; i++)
        {
            try
            {
                await _steps[i].Action(runner);
            }
            catch (Exception e) when (e is XunitException or InvalidOperationException)
            {
                throw new XunitException($"Conversation step {i + 1} ({_steps[i].Description}) failed: {e.Message}\n\nConversation so far:\n{runner.Log}");
            }
        }

        return runner.Stores;
    }

    /// <summary>How long the clock moves on while <see cref="SendAtOnce"/> takes one message.</summary>
    public static TimeSpan TurnDuration { get; } = TimeSpan.FromMilliseconds(150);

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private ConversationFlow Add(string description, Func<Runner, Task> action) =>
        new(_profile, _time, _judge, _options, _steps.Add((description, action)));

    private sealed class Runner
    {
        private readonly FakeTimeProvider _time;
        private readonly IAnswerJudge _judge;
        private readonly InterviewOptions _options;
        private readonly StaticProfileSource _profiles;
        private readonly Queue<Reply> _pending = new();
        private readonly StringBuilder _log = new();
        private InterviewService _service;
        private string? _interviewId;

        public Runner(Profile profile, FakeTimeProvider time, IAnswerJudge judge, InterviewOptions options)
        {
            _time = time;
            _judge = judge;
            _options = options;
            _profiles = new StaticProfileSource(profile);
            Stores = new ConversationStores(new InMemoryInterviewStore(), new InMemoryTranscriptStore(), new InMemoryJobQueue(time), _profiles);
            _service = CreateService();
        }

        public ConversationStores Stores { get; }

        public string Log => _log.ToString();

        public static ConversationAddress Conversation { get; } = new() { ChannelId = "test", ConversationId = "candidate-1" };

        public async Task StartAsync()
        {
            var result = await _service.StartAsync(
                new StartInterviewRequest(_profiles.Profiles[0].Id, new Participant("candidate-1", "Jane Doe"), Conversation, new Participant("recruiter-1", "Rita"), null),
                CancellationToken.None);
            if (result.Status != StartInterviewStatus.Started)
            {
                throw new XunitException($"The interview did not start: {result.Status}.");
            }

            _interviewId = result.Interview!.Id;
            Enqueue(result.Replies);
        }

        public async Task SendAsync(IncomingMessage message)
        {
            _log.AppendLine($"  candidate: {(message.ActionValue is null ? message.Text : $"[{message.ActionValue}]")}");
            var result = await _service.HandleMessageAsync(Conversation.Key, message, CancellationToken.None);
            Enqueue(result.Replies);
        }

        public Task Expect(Func<Reply, bool> predicate, string description)
        {
            if (!_pending.TryDequeue(out var reply))
            {
                throw new XunitException($"Expected {description}, but there were no more replies.");
            }

            if (!predicate(reply))
            {
                throw new XunitException($"Expected {description}, but the reply was:\n\"{reply.Text}\"");
            }

            return Task.CompletedTask;
        }

        public Task Skip(int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (!_pending.TryDequeue(out _))
                {
                    throw new XunitException($"Expected {count} replies to skip, found {i}.");
                }
            }

            return Task.CompletedTask;
        }

        public Task ExpectNoMore()
        {
            if (_pending.Count > 0)
            {
                throw new XunitException($"Expected no more replies, but {_pending.Count} remain; next: \"{_pending.Peek().Text}\"");
            }

            return Task.CompletedTask;
        }

        public async Task WithInterviewAsync(Action<Interview> assert)
        {
            var stored = await Stores.Interviews.GetAsync(_interviewId ?? throw new XunitException("Start() was not called."), CancellationToken.None)
                ?? throw new XunitException("The interview is not in the store.");
            assert(stored.Interview);
        }

        public async Task WithTranscriptAsync(Action<IReadOnlyList<TranscriptTurn>> assert) =>
            assert(await Stores.Transcripts.ReadAsync(_interviewId ?? throw new XunitException("Start() was not called."), CancellationToken.None));

        public Task Restart()
        {
            _log.AppendLine("  --- process restarted ---");
            _service = CreateService();
            return Task.CompletedTask;
        }

        public Task ChangeProfile(Profile changed)
        {
            _profiles.Replace(changed);
            return Task.CompletedTask;
        }

        private InterviewService CreateService()
        {
            var dialog = new ScreeningDialog(_judge, _time, _options, NullLogger<ScreeningDialog>.Instance);
            return new InterviewService(_profiles, Stores.Interviews, Stores.Transcripts, Stores.Jobs, dialog, _time, NullLogger<InterviewService>.Instance, Stores.Audit, Stores.SelfIdentifications);
        }

        private void Enqueue(IReadOnlyList<Reply> replies)
        {
            foreach (var reply in replies)
            {
                _pending.Enqueue(reply);
                var buttons = reply.Choices.Count > 0 ? $"  [{string.Join(" | ", reply.Choices.Select(c => c.Title))}]" : string.Empty;
                _log.AppendLine($"  bot: {reply.Text.Replace('\n', ' ')}{buttons}");
            }
        }
    }
}

/// <summary>The stores a <see cref="ConversationFlow"/> ran against.</summary>
public sealed record ConversationStores(InMemoryInterviewStore Interviews, InMemoryTranscriptStore Transcripts, InMemoryJobQueue Jobs, StaticProfileSource Profiles)
{
    /// <summary>The audit log the flow's turns append to (consents, opt-outs, endings).</summary>
    public InMemoryAuditLog Audit { get; } = new();

    /// <summary>Where the optional self-identification goes, apart from the interview.</summary>
    public InMemorySelfIdentificationStore SelfIdentifications { get; } = new();
}
