using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class JobQueueWorkerTests
{
    private readonly FakeTimeProvider _time = new(StorageTestData.Start);
    private readonly InMemoryJobQueue _queue;
    private readonly FakeScoringJobHandler _handler = new();
    private readonly FakeLogger<JobQueueWorker> _logger = new();
    private readonly StorageOptions _options = new() { MaxDequeueCount = 3, VisibilityTimeout = TimeSpan.FromMinutes(1) };

    public JobQueueWorkerTests() => _queue = new InMemoryJobQueue(_time);

    [Fact]
    public async Task ProcessOnce_HandlerSucceeds_CompletesTheJob()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-ok"), CancellationToken.None);
        var sut = CreateSut();

        var received = await sut.ProcessOnceAsync(CancellationToken.None);

        Assert.Equal(1, received);
        Assert.Equal(["iv-ok"], _handler.Handled.Select(j => j.InterviewId));
        Assert.Equal(0, _queue.Count);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task ProcessOnce_EmptyQueue_ReturnsZero()
    {
        var sut = CreateSut();

        Assert.Equal(0, await sut.ProcessOnceAsync(CancellationToken.None));
        Assert.Empty(_handler.Handled);
    }

    [Fact]
    public async Task ProcessOnce_HandlerFails_LeavesJobForRedeliveryAfterTheVisibilityTimeout()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-flaky"), CancellationToken.None);
        _handler.FailuresLeft = 1;
        var sut = CreateSut();

        await sut.ProcessOnceAsync(CancellationToken.None);
        var whileHidden = await sut.ProcessOnceAsync(CancellationToken.None);
        _time.Advance(_options.VisibilityTimeout);
        var afterTimeout = await sut.ProcessOnceAsync(CancellationToken.None);

        Assert.Equal(0, whileHidden);
        Assert.Equal(1, afterTimeout);
        Assert.Equal(2, _handler.Handled.Count);
        Assert.Equal(0, _queue.Count);
        Assert.Empty(_queue.Poisoned);
        var warning = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal(4012, warning.Id.Id);
        Assert.IsType<TimeoutException>(warning.Exception);
    }

    [Fact]
    public async Task ProcessOnce_FailsOnEveryAttempt_MovesToPoisonAfterMaxDequeueCountWithWarning()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-broken"), CancellationToken.None);
        _handler.FailuresLeft = int.MaxValue;
        var sut = CreateSut();

        for (var attempt = 0; attempt < _options.MaxDequeueCount; attempt++)
        {
            await sut.ProcessOnceAsync(CancellationToken.None);
            _time.Advance(_options.VisibilityTimeout);
        }

        var (job, reason) = Assert.Single(_queue.Poisoned);
        Assert.Equal("iv-broken", job.Job.InterviewId);
        Assert.Equal(3, job.DequeueCount);
        Assert.Equal("failed 3 times; last error: TimeoutException: The hiring channel did not answer.", reason);
        Assert.Equal(3, _handler.Handled.Count);
        Assert.Equal(0, _queue.Count);
        var poisoned = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4013);
        Assert.Equal(LogLevel.Warning, poisoned.Level);
        Assert.Contains("iv-broken", poisoned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessOnce_ReceivedMoreOftenThanAllowed_PoisonsWithoutCallingTheHandler()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-crashy"), CancellationToken.None);

        // Three deliveries that never finished (the process died each time).
        for (var attempt = 0; attempt < _options.MaxDequeueCount; attempt++)
        {
            await _queue.ReceiveAsync(1, _options.VisibilityTimeout, CancellationToken.None);
            _time.Advance(_options.VisibilityTimeout);
        }

        var sut = CreateSut();

        await sut.ProcessOnceAsync(CancellationToken.None);

        Assert.Empty(_handler.Handled);
        Assert.Equal(4, Assert.Single(_queue.Poisoned).Job.DequeueCount);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4013 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Execute_JobWaiting_IsHandledAndCompleted()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-hosted"), CancellationToken.None);
        var sut = CreateSut();

        await sut.StartAsync(CancellationToken.None);
        var handled = await _handler.FirstSuccess.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal("iv-hosted", handled.InterviewId);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public async Task Execute_NoHandlerRegistered_LogsAndLeavesJobsQueued()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-waits"), CancellationToken.None);
        var sut = CreateSut(registerHandler: false);

        await sut.StartAsync(CancellationToken.None);
        await sut.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await sut.StopAsync(CancellationToken.None);

        Assert.False(sut.HasHandler);
        Assert.Equal(1, _queue.Count);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4010 && r.Level == LogLevel.Information);
    }

    [Fact]
    public async Task ProcessOnce_StoppedMidJob_GivesTheJobBackForImmediateRedelivery()
    {
        await _queue.EnqueueAsync(new ScoringJob("iv-stopped"), CancellationToken.None);
        _handler.HangUntilCancelled = true;
        var sut = CreateSut();
        using var stopping = new CancellationTokenSource();

        var run = sut.ProcessOnceAsync(stopping.Token);
        await _handler.Started.Task;
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        _handler.HangUntilCancelled = false;
        var again = await sut.ProcessOnceAsync(CancellationToken.None);

        Assert.Equal(1, again);
        Assert.Equal(["iv-stopped", "iv-stopped"], _handler.Handled.Select(j => j.InterviewId));
        Assert.Equal(0, _queue.Count);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 4017);
    }

    private JobQueueWorker CreateSut(bool registerHandler = true)
    {
        var services = new ServiceCollection();
        if (registerHandler)
        {
            services.AddSingleton<IScoringJobHandler>(_handler);
        }

        return new JobQueueWorker(_queue, services.BuildServiceProvider(), Options.Create(_options), _time, _logger);
    }
}
