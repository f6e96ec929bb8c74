using System.Globalization;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>CPU time and resident memory of watched processes, and the machine's busy share, from Linux's /proc.</summary>
internal static class ProcSampler
{
    /// <summary>Linux's USER_HZ on x86-64 and arm64.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds of <paramref name="pid"/> so far (0 once it is gone).</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Resident set size of <paramref name="pid"/> in MB (0 once it is gone).</summary>
    public static double RssMegabytes(int pid) => StatusMegabytes(pid, "VmRSS:");

    /// <summary>
    /// A line of /proc/PID/status in MB: <c>VmRSS:</c> splits into <c>RssAnon:</c> (the GC heap and native memory),
    /// <c>RssFile:</c> (mapped assemblies and files) and <c>RssShmem:</c> (the runtime's double-mapped code under W^X).
    /// </summary>
    public static double StatusMegabytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>(busy, total) jiffies of all CPUs since boot.</summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        var first = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = first.Sum();
        return (total - first[3] - first[4], total);
    }

    /// <summary>The machine's one-minute load average (runnable and waiting tasks; 2 means both cores busy).</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
