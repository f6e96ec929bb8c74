using System.Diagnostics;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>One measured run's figures, the JSON line the benchmark writes.</summary>
internal sealed record RunResult
{
    public required string Suite { get; init; }

    /// <summary>The bot configuration (<c>--variant</c>); empty for the shipped one and for the peer.</summary>
    public string Variant { get; init; } = "";
    public required int Concurrency { get; init; }
    public required int Rep { get; init; }
    public double TurnsPerSecond { get; init; }
    public int Turns { get; init; }
    public double P50Ms { get; init; }
    public double P90Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public int Errors { get; init; }
    public int Interviews { get; init; }
    public double ServerCpuPercent { get; init; }
    public double ServerCpuMicrosecondsPerTurn { get; init; }
    public double ServerRssMaxMb { get; init; }
    public double ServerRssAnonMb { get; init; }
    public double ServerRssFileMb { get; init; }
    public double ServerRssShmemMb { get; init; }
    public double AzuriteCpuPercent { get; init; }
    public double LoadGeneratorCpuPercent { get; init; }
    public double MachineBusyPercent { get; init; }

    /// <summary>The machine's one-minute load average at the end of the measured window.</summary>
    public double LoadAverage { get; init; }
    public int WarmUpTurns { get; init; }
    public IReadOnlyList<string> ErrorSamples { get; init; } = [];
}

/// <summary>
/// A closed loop: <c>C</c> simulated users, each sending its next turn when the last reply arrived, for a warm-up and then a
/// measured window, with the server's CPU time and resident memory read from /proc around and during the window.
/// </summary>
internal static class LoadRun
{
    public static async Task<RunResult> RunAsync(
        string suite, int concurrency, int rep, TimeSpan warmUp, TimeSpan duration, int serverPid, int? azuritePid,
        Func<int, TurnRecorder, CancellationToken, Task> user)
    {
        var recorder = new TurnRecorder();
        using var stop = new CancellationTokenSource();
        var users = Enumerable.Range(0, concurrency).Select(u => Task.Run(() => user(u, recorder, stop.Token))).ToArray();
        await Task.Delay(warmUp);

        var self = Process.GetCurrentProcess();
        var selfCpu0 = self.TotalProcessorTime;
        var (busy0, total0) = ProcSampler.MachineJiffies();
        var serverCpu0 = ProcSampler.CpuSeconds(serverPid);
        var azuriteCpu0 = azuritePid is { } a0 ? ProcSampler.CpuSeconds(a0) : 0;
        var clock = Stopwatch.StartNew();
        recorder.OpenWindow(duration);
        var rssMax = 0.0;
        while (clock.Elapsed < duration)
        {
            rssMax = Math.Max(rssMax, ProcSampler.RssMegabytes(serverPid));
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var (anon, file, shmem) = (ProcSampler.StatusMegabytes(serverPid, "RssAnon:"), ProcSampler.StatusMegabytes(serverPid, "RssFile:"), ProcSampler.StatusMegabytes(serverPid, "RssShmem:"));
        var serverCpu = ProcSampler.CpuSeconds(serverPid) - serverCpu0;
        var azuriteCpu = azuritePid is { } a1 ? ProcSampler.CpuSeconds(a1) - azuriteCpu0 : 0;
        var (busy1, total1) = ProcSampler.MachineJiffies();
        self.Refresh();
        var selfCpu = (self.TotalProcessorTime - selfCpu0).TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(users).WaitAsync(TimeSpan.FromSeconds(30));

        var latencies = recorder.SortedLatencies();
        var turnsPerSecond = latencies.Length / seconds;
        return new RunResult
        {
            Suite = suite,
            Concurrency = concurrency,
            Rep = rep,
            Turns = latencies.Length,
            TurnsPerSecond = Math.Round(turnsPerSecond, 1),
            P50Ms = Percentile(latencies, 50),
            P90Ms = Percentile(latencies, 90),
            P99Ms = Percentile(latencies, 99),
            MaxMs = latencies.Length == 0 ? 0 : Math.Round(latencies[^1], 2),
            Errors = recorder.Errors,
            Interviews = recorder.Interviews,
            ServerCpuPercent = Math.Round(100 * serverCpu / seconds, 1),
            ServerCpuMicrosecondsPerTurn = latencies.Length == 0 ? 0 : Math.Round(serverCpu * 1e6 / latencies.Length),
            ServerRssMaxMb = Math.Round(rssMax, 1),
            ServerRssAnonMb = Math.Round(anon, 1),
            ServerRssFileMb = Math.Round(file, 1),
            ServerRssShmemMb = Math.Round(shmem, 1),
            AzuriteCpuPercent = Math.Round(100 * azuriteCpu / seconds, 1),
            LoadGeneratorCpuPercent = Math.Round(100 * selfCpu / seconds, 1),
            MachineBusyPercent = Math.Round(100.0 * (busy1 - busy0) / Math.Max(1, total1 - total0), 1),
            LoadAverage = ProcSampler.LoadAverage(),
            WarmUpTurns = recorder.WarmUpTurns,
            ErrorSamples = recorder.ErrorSamples,
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
