using System.Diagnostics;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>
/// What the simulated users did: timed turns completed inside the measurement window (latency in ms), errors inside it,
/// interviews completed. Turns that started before the window or ended after it are not counted. Thread-safe.
/// </summary>
internal sealed class TurnRecorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = new(1 << 16);
    private readonly List<string> _errorSamples = [];
    private readonly List<long> _ends = new(1 << 16);
    private long _windowStart = long.MaxValue;
    private long _windowEnd = long.MaxValue;

    public int Errors { get; private set; }

    public int WarmUpTurns { get; private set; }

    public int WarmUpErrors { get; private set; }

    public int Interviews { get; private set; }

    public IReadOnlyList<string> ErrorSamples => _errorSamples;

    public void OpenWindow(TimeSpan duration)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _windowStart = now;
            _windowEnd = now + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        }
    }

    public bool InWindow(long started, long ended) => started >= Volatile.Read(ref _windowStart) && ended <= Volatile.Read(ref _windowEnd);

    public void Turn(long started, long ended)
    {
        lock (_gate)
        {
            _ends.Add(ended);
            if (InWindow(started, ended))
            {
                _latencies.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
            }
            else if (ended < _windowStart)
            {
                WarmUpTurns++;
            }
        }
    }

    public void InterviewDone(long ended)
    {
        lock (_gate)
        {
            if (ended >= _windowStart && ended <= _windowEnd)
            {
                Interviews++;
            }
        }
    }

    public void Error(long started, long ended, string detail)
    {
        lock (_gate)
        {
            if (InWindow(started, ended))
            {
                Errors++;
            }
            else if (ended < _windowStart)
            {
                WarmUpErrors++;
            }

            if (_errorSamples.Count < 5)
            {
                _errorSamples.Add(detail.Length > 300 ? detail[..300] : detail);
            }
        }
    }

    /// <summary>When every turn (in the window or not) was answered, as <see cref="Stopwatch"/> timestamps, in order.</summary>
    public long[] Ends()
    {
        lock (_gate)
        {
            return [.. _ends];
        }
    }

    /// <summary>The latencies measured so far, sorted.</summary>
    public double[] SortedLatencies()
    {
        lock (_gate)
        {
            var copy = _latencies.ToArray();
            Array.Sort(copy);
            return copy;
        }
    }
}
