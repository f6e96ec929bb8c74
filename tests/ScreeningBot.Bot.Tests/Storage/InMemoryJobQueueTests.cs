using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The job queue contract in memory.</summary>
public sealed class InMemoryJobQueueTests : JobQueueContract
{
    private InMemoryJobQueue? _queue;

    protected override Task<IJobQueue> CreateQueueAsync() => Task.FromResult<IJobQueue>(_queue ??= new InMemoryJobQueue(Time));

    protected override Task<IReadOnlyList<(string MessageId, string InterviewId, string Reason)>> ReadPoisonedAsync(IJobQueue queue) =>
        Task.FromResult<IReadOnlyList<(string, string, string)>>([.. ((InMemoryJobQueue)queue).Poisoned.Select(p => (p.Job.MessageId, p.Job.Job.InterviewId, p.Reason))]);
}
