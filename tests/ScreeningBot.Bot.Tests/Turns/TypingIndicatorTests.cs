using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>The typing indicator: none for a fast turn, a steady beat for a slow one, and no cancelled HTTP requests.</summary>
public sealed class TypingIndicatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly FakeLogger _logger = new();

    [Fact]
    public async Task Dispose_BeforeTheFirstDelay_SendsNothing()
    {
        var output = new RecordingOutput(_time);

        await using (TypingIndicator.Start(output, _time, "a:jane", _logger, CancellationToken.None))
        {
            _time.Advance(TypingIndicator.FirstDelay - TimeSpan.FromMilliseconds(1));
        }

        Assert.Empty(output.Sent);
    }

    [Fact]
    public async Task SlowTurn_SendsTheFirstIndicatorAfterTheDelayThenOneEveryInterval()
    {
        var output = new RecordingOutput(_time);

        await using (TypingIndicator.Start(output, _time, "a:jane", _logger, CancellationToken.None))
        {
            _time.Advance(TypingIndicator.FirstDelay);
            await output.WaitForCountAsync(1);
            _time.Advance(TypingIndicator.Interval - TimeSpan.FromMilliseconds(1));
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await output.WaitForCountAsync(2);
        }

        // When each was sent, by the fake clock: one sent early, at the first advance, would show its own time.
        Assert.Equal([Start + TypingIndicator.FirstDelay, Start + TypingIndicator.FirstDelay + TypingIndicator.Interval], output.Sent);
    }

    [Fact]
    public async Task Dispose_WhileAnIndicatorIsOnTheWire_LetsItFinishInsteadOfCancellingIt()
    {
        var output = new RecordingOutput(_time) { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var indicator = TypingIndicator.Start(output, _time, "a:jane", _logger, CancellationToken.None)!;
        _time.Advance(TypingIndicator.FirstDelay);
        await output.WaitForCountAsync(1);

        // Held on the wire and no time passes, so disposing can only finish when the indicator does.
        var disposing = indicator.DisposeAsync().AsTask();

        Assert.False(disposing.IsCompleted, "the turn's reply should wait for the indicator already sent, so it cannot overtake it");
        Assert.False(output.Tokens.Single().IsCancellationRequested);
        output.Hold.SetResult();
        await disposing.WaitAsync(Patience);
        Assert.False(output.Tokens.Single().IsCancellationRequested);
    }

    [Fact]
    public async Task Dispose_IndicatorStuckLongerThanTheGrace_CancelsIt()
    {
        var output = new RecordingOutput(_time) { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var indicator = TypingIndicator.Start(output, _time, "a:jane", _logger, CancellationToken.None)!;
        _time.Advance(TypingIndicator.FirstDelay);
        await output.WaitForCountAsync(1);

        // The indicator never comes back; only the grace running out (on the fake clock) ends the wait.
        var disposing = indicator.DisposeAsync().AsTask();
        using var deadline = new CancellationTokenSource(Patience);
        while (!disposing.IsCompleted)
        {
            deadline.Token.ThrowIfCancellationRequested();
            _time.Advance(TypingIndicator.InFlightGrace);
            await Task.Yield();
        }

        await disposing;
        Assert.True(output.Tokens.Single().IsCancellationRequested);
    }

    [Fact]
    public async Task SendFails_IsLoggedAndTheTurnGoesOn()
    {
        var output = new RecordingOutput(_time) { Failure = new HttpRequestException("connector unreachable") };

        await using (TypingIndicator.Start(output, _time, "a:jane", _logger, CancellationToken.None))
        {
            _time.Advance(TypingIndicator.FirstDelay);
            await output.WaitForCountAsync(1);
        }

        var entry = Assert.Single(_logger.Collector.GetSnapshot(), e => e.Exception is HttpRequestException);
        Assert.Contains("a:jane", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_OutputCannotShowTyping_ReturnsNull()
    {
        Assert.Null(TypingIndicator.Start(new RecordingOutput(_time) { CanType = false }, _time, "a:jane", _logger, CancellationToken.None));
    }

    [Fact]
    public void Start_RepliesBufferedForTheResponse_ReturnsNull()
    {
        Assert.Null(TypingIndicator.Start(new RecordingOutput(_time) { IsBuffered = true }, _time, "a:jane", _logger, CancellationToken.None));
    }

    /// <summary>Records when (by the fake clock) each typing indicator was sent, and the token it was sent with.</summary>
    private sealed class RecordingOutput(TimeProvider time) : ITurnReplies
    {
        private readonly Lock _gate = new();
        private readonly List<DateTimeOffset> _sent = [];
        private readonly List<CancellationToken> _tokens = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CanType { get; init; } = true;

        public bool IsBuffered { get; init; }

        public TaskCompletionSource? Hold { get; init; }

        public Exception? Failure { get; init; }

        public bool SupportsTyping => CanType;

        public bool Buffered => IsBuffered;

        public IReadOnlyList<DateTimeOffset> Sent
        {
            get
            {
                lock (_gate)
                {
                    return [.. _sent];
                }
            }
        }

        public IReadOnlyList<CancellationToken> Tokens
        {
            get
            {
                lock (_gate)
                {
                    return [.. _tokens];
                }
            }
        }

        public async Task SendTypingAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _sent.Add(time.GetUtcNow());
                _tokens.Add(cancellationToken);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
            if (Failure is not null)
            {
                throw Failure;
            }

            if (Hold is not null)
            {
                await Hold.Task.WaitAsync(cancellationToken);
            }
        }

        public Task SendAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken) => throw new InvalidOperationException("A typing indicator sends no replies.");

        public Task SendAsync(CommandResponse response, CancellationToken cancellationToken) => throw new InvalidOperationException("A typing indicator sends no replies.");

        public Task SendNoticeAsync(string text, CancellationToken cancellationToken) => throw new InvalidOperationException("A typing indicator sends no replies.");

        public Task MarkAnsweredAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("A typing indicator sends no replies.");

        /// <summary>Completes once <paramref name="count"/> indicators were sent.</summary>
        public async Task WaitForCountAsync(int count)
        {
            using var deadline = new CancellationTokenSource(Patience);
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_sent.Count >= count)
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(deadline.Token);
            }
        }
    }
}
