using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Bounded in-process queues between Slack's 3-second acknowledgement and the real work. One queue per worker; work is
/// routed by <see cref="SlackWork.PartitionKey"/>, so one conversation's messages are handled in order while different
/// conversations run in parallel. Nothing here is durable: a crash loses queued work, which the candidate sees as an
/// unanswered message and can send again (their state is safe in storage).
/// </summary>
internal sealed class SlackWorkQueue
{
    private readonly Channel<SlackWork>[] _queues;
    private readonly int _capacity;

    public SlackWorkQueue(IOptions<SlackOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _capacity = settings.QueueCapacity;
        _queues = [.. Enumerable.Range(0, settings.Workers).Select(_ => Channel.CreateBounded<SlackWork>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }))];
    }

    public int Partitions => _queues.Length;

    /// <summary>True when the queue for <paramref name="partitionKey"/> has room (checked before recording a delivery as taken).</summary>
    public bool HasRoom(string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        return For(partitionKey).Reader.Count < _capacity;
    }

    /// <summary>Queues the work; false when its queue is full.</summary>
    public bool TryEnqueue(SlackWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return For(work.PartitionKey).Writer.TryWrite(work);
    }

    public ChannelReader<SlackWork> Reader(int partition) => _queues[partition].Reader;

    private Channel<SlackWork> For(string partitionKey) =>
        _queues[(int)((uint)StringComparer.Ordinal.GetHashCode(partitionKey) % (uint)_queues.Length)];
}
