using System.Diagnostics;
using System.Globalization;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>One cold start's figures, the JSON line the benchmark writes to cold.jsonl.</summary>
internal sealed record ColdResult
{
    public required string Variant { get; init; }
    public required int Run { get; init; }
    public required int Concurrency { get; init; }

    /// <summary>Seconds from the bot's process start to the first answered candidate turn.</summary>
    public double FirstTurnSeconds { get; init; }

    /// <summary>The bot's CPU seconds when that turn was answered.</summary>
    public double FirstTurnCpuSeconds { get; init; }

    public double FirstMinuteTurnsPerSecond { get; init; }

    /// <summary>Turns/s after the first minute, to the end of the run.</summary>
    public double SteadyTurnsPerSecond { get; init; }

    public double FirstMinuteCpuMicrosecondsPerTurn { get; init; }
    public double SteadyCpuMicrosecondsPerTurn { get; init; }
    public double RssMaxMb { get; init; }
    public double LoadAverage { get; init; }
    public IReadOnlyList<double> TurnsPerSecondPer10Seconds { get; init; } = [];

    public double FirstMinuteShare => SteadyTurnsPerSecond > 0 ? FirstMinuteTurnsPerSecond / SteadyTurnsPerSecond : double.NaN;

    /// <summary>The same ratio in CPU per turn (steady / first minute): what the JIT costs, much less sensitive to the neighbours' load.</summary>
    public double FirstMinuteCpuShare => FirstMinuteCpuMicrosecondsPerTurn > 0 ? SteadyCpuMicrosecondsPerTurn / FirstMinuteCpuMicrosecondsPerTurn : double.NaN;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"first candidate turn answered {FirstTurnSeconds:0.00} s after start ({FirstTurnCpuSeconds:0.00} s of server CPU); first minute {FirstMinuteTurnsPerSecond:0} turns/s, then {SteadyTurnsPerSecond:0} turns/s: {100 * FirstMinuteShare:0}%; server CPU per turn {FirstMinuteCpuMicrosecondsPerTurn:0} µs in the first minute, {SteadyCpuMicrosecondsPerTurn:0} µs after; RSS {RssMaxMb:0} MB; load average {LoadAverage:0.0}; turns/s per 10 s: {string.Join(" ", TurnsPerSecondPer10Seconds.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}");
}

/// <summary>
/// A cold start on SQLite: the bot started and <c>C</c> candidates knocking at once (retrying until it listens), for
/// <c>seconds</c>; the time to the first answered candidate turn, and the first minute's throughput against the rest of the run.
/// </summary>
internal static class ColdStart
{
    public static async Task<ColdResult?> RunAsync(BenchProcesses processes, ScreeningBotInterview plan, BotVariant variant, IDictionary<string, string> common, int run, int concurrency, int seconds)
    {
        var data = Directory.CreateTempSubdirectory("screeningbot-cold-").FullName;
        var port = BenchProcesses.FreePort();
        var recorder = new TurnRecorder();
        using var stop = new CancellationTokenSource();
        var bot = new Uri($"http://127.0.0.1:{port}/");
        var cpu = new List<(double At, double Cpu)>();
        double? firstTurnCpu = null;
        var rssMax = 0.0;
        var name = string.Create(CultureInfo.InvariantCulture, $"cold{(variant.Name.Length > 0 ? "-" + variant.Name : "")}-{run}");
        var started = Stopwatch.GetTimestamp();
        var server = await processes.StartBotAsync(name, port, data, null, variant.EnvironmentOver(common), waitUntilReady: false, botFolder: variant.BotFolder);
        try
        {
            var users = Enumerable.Range(0, concurrency).Select(u => Task.Run(async () =>
            {
                using var http = new LoopbackHttpConnection("127.0.0.1", port, "/api/messages");
                await InterviewScripts.ScreeningBotAsync(plan, u, http, bot, recorder, stop.Token);
            })).ToArray();
            // The server's CPU time as the run goes: wall-clock throughput on a shared machine moves with the neighbours' load,
            // CPU per turn much less.
            while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
            {
                cpu.Add((Stopwatch.GetElapsedTime(started).TotalSeconds, ProcSampler.CpuSeconds(server.Id)));
                rssMax = Math.Max(rssMax, ProcSampler.RssMegabytes(server.Id));
                if (firstTurnCpu is null && recorder.Ends().Length > 0)
                {
                    firstTurnCpu = cpu[^1].Cpu;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await stop.CancelAsync();
            await Task.WhenAll(users).WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            BenchProcesses.Stop(server);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }

        var ends = recorder.Ends().Select(e => Stopwatch.GetElapsedTime(started, e).TotalSeconds).ToArray();
        if (ends.Length == 0)
        {
            return null;
        }

        var firstMinute = ends.Count(t => t <= 60);
        var after = ends.Count(t => t > 60 && t <= cpu[^1].At);
        var cpuAt60 = cpu.Last(c => c.At <= 60).Cpu;
        return new ColdResult
        {
            Variant = variant.Name,
            Run = run,
            Concurrency = concurrency,
            FirstTurnSeconds = Math.Round(ends[0], 3),
            FirstTurnCpuSeconds = firstTurnCpu ?? double.NaN,
            FirstMinuteTurnsPerSecond = Math.Round(firstMinute / 60.0, 1),
            SteadyTurnsPerSecond = Math.Round(after / Math.Max(1.0, cpu[^1].At - 60), 1),
            FirstMinuteCpuMicrosecondsPerTurn = Math.Round(1e6 * cpuAt60 / Math.Max(1, firstMinute)),
            SteadyCpuMicrosecondsPerTurn = Math.Round(1e6 * (cpu[^1].Cpu - cpuAt60) / Math.Max(1, after)),
            RssMaxMb = Math.Round(rssMax, 1),
            LoadAverage = ProcSampler.LoadAverage(),
            TurnsPerSecondPer10Seconds = [.. Enumerable.Range(0, seconds / 10).Select(b => ends.Count(t => t > b * 10 && t <= (b + 1) * 10) / 10.0)],
        };
    }
}
