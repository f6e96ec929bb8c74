using System.Globalization;

namespace ScreeningBot.Benchmarks;

/// <summary>Percentiles over recorded samples (nearest-rank).</summary>
internal sealed class Stats
{
    private readonly List<double> _samples = [];
    private readonly Lock _gate = new();

    public int Count => _samples.Count;

    public void Add(double value)
    {
        lock (_gate)
        {
            _samples.Add(value);
        }
    }

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_samples.Count == 0)
            {
                return double.NaN;
            }

            var sorted = _samples.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public double Mean
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count == 0 ? double.NaN : _samples.Average();
            }
        }
    }

    public string Describe(string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"mean {Mean:0.000} {unit}, p50 {Percentile(50):0.000}, p95 {Percentile(95):0.000}, p99 {Percentile(99):0.000}, max {Percentile(100):0.000} (n={Count})");
}
