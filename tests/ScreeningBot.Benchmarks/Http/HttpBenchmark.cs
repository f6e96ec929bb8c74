using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>
/// <c>http</c>: ScreeningBot and the peer of ../shared/bench side by side on this machine, whole interviews over HTTP, the
/// same load generator for both, repetitions interleaved; prints the README's Performance table and the goals' ratios.
/// <c>http-cold</c>: time from process start to the first answered turn, and the first minute's throughput against steady state.
/// </summary>
internal static class HttpBenchmark
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> RunAsync(string root, HttpBenchmarkOptions options, TextWriter output)
    {
        var outFolder = options.Out ?? Path.Combine(root, "artifacts", "bench", TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(outFolder, "logs"));
        var peer = options.PeerFolder(root);
        var processes = new BenchProcesses(root, peer, Path.Combine(outFolder, "logs"), options.Bot ?? await PublishBotAsync(root, output));
        var suites = options.Suites.Where(s => peer is not null || !s.StartsWith("peer", StringComparison.Ordinal)).ToList();
        if (suites.Count < options.Suites.Count)
        {
            await output.WriteLineAsync($"peer not found (looked for peer-bot.js with node_modules in {string.Join(", ", HttpBenchmarkOptions.PeerCandidates(root))}; set --peer): its suites are skipped");
        }

        var plan = new ScreeningBotInterview(root, "backend-senior", Path.Combine(root, "profiles", "rehearsals", "backend-senior-strong.yaml"));
        var results = new List<RunResult>();
        var jobs = Jobs(suites, options).ToList();
        await output.WriteLineAsync($"http: {jobs.Count} runs ({options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured each), results in {outFolder}");
        await using var lines = new StreamWriter(Path.Combine(outFolder, "results.jsonl"));
        foreach (var (suite, concurrency, rep) in jobs)
        {
            var busy = await WaitForQuietAsync(options.IdleWait);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"== {suite} C={concurrency} rep {rep} (machine {busy:0}% busy before it)"));
            var result = await RunOneAsync(processes, plan, suite, concurrency, rep, options, outFolder);
            results.Add(result);
            await lines.WriteLineAsync(JsonSerializer.Serialize(result, Json));
            await lines.FlushAsync();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"   {result.TurnsPerSecond:0} turns/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, server {result.ServerCpuMicrosecondsPerTurn:0} µs/turn, RSS {result.ServerRssMaxMb:0} MB (at the end: anon {result.ServerRssAnonMb:0}, file {result.ServerRssFileMb:0}, shmem {result.ServerRssShmemMb:0}), errors {result.Errors}, machine {result.MachineBusyPercent:0}% busy, load generator {result.LoadGeneratorCpuPercent:0}%"));
            foreach (var sample in result.ErrorSamples)
            {
                await output.WriteLineAsync("   error: " + sample);
            }
        }

        var summary = Summarize(results, options);
        await File.WriteAllTextAsync(Path.Combine(outFolder, "summary.md"), summary);
        await output.WriteLineAsync();
        await output.WriteLineAsync(summary);
        return results.Sum(r => r.Errors) == 0 ? 0 : 1;
    }

    /// <summary>
    /// Cold starts on SQLite: the bot started and <c>C</c> candidates knocking at once (retrying until it listens). Prints the
    /// time from process start to the first answered candidate turn, and the first minute's turns/s against the turns/s of
    /// the rest of the run (the steady state).
    /// </summary>
    public static async Task<int> RunColdAsync(string root, HttpBenchmarkOptions options, TextWriter output)
    {
        var outFolder = options.Out ?? Path.Combine(Path.GetTempPath(), "screeningbot-cold-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outFolder);
        var processes = new BenchProcesses(root, null, outFolder, options.Bot ?? await PublishBotAsync(root, output));
        var plan = new ScreeningBotInterview(root, "backend-senior", Path.Combine(root, "profiles", "rehearsals", "backend-senior-strong.yaml"));
        var concurrency = options.Concurrency.Max();
        var environment = string.Join(" ", options.BotEnvironment.Select(e => $"{e.Key}={e.Value}"));
        await output.WriteLineAsync($"http-cold: {options.Runs} cold starts of {processes.BotFolder} {environment}, {concurrency} candidates, {options.Seconds} s each");
        var firsts = new List<double>();
        var ratios = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            await WaitForQuietAsync(options.IdleWait);
            var data = Directory.CreateTempSubdirectory("screeningbot-cold-").FullName;
            var port = BenchProcesses.FreePort();
            var recorder = new TurnRecorder();
            using var stop = new CancellationTokenSource();
            var bot = new Uri($"http://127.0.0.1:{port}/");
            var cpu = new List<(double At, double Cpu)>();
            double? firstTurnCpu = null;
            var started = Stopwatch.GetTimestamp();
            var server = await processes.StartBotAsync($"cold-{run}", port, data, null, options.BotEnvironment, waitUntilReady: false);
            try
            {
                var users = Enumerable.Range(0, concurrency).Select(u => Task.Run(async () =>
                {
                    using var http = new LoopbackHttpConnection("127.0.0.1", port, "/api/messages");
                    await InterviewScripts.ScreeningBotAsync(plan, u, http, bot, recorder, stop.Token);
                })).ToArray();
                // The server's CPU time as the run goes: wall-clock throughput on a shared machine moves with the neighbours' load,
                // CPU per turn much less.
                while (Stopwatch.GetElapsedTime(started).TotalSeconds < options.Seconds)
                {
                    cpu.Add((Stopwatch.GetElapsedTime(started).TotalSeconds, ProcSampler.CpuSeconds(server.Id)));
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
                await output.WriteLineAsync($"  run {run}: no turn answered; see {outFolder}");
                continue;
            }

            var firstMinute = ends.Count(t => t <= 60) / 60.0;
            var steady = ends.Count(t => t > 60) / Math.Max(1.0, options.Seconds - 60);
            firsts.Add(ends[0]);
            ratios.Add(firstMinute / steady);
            var cpuAt60 = cpu.Last(c => c.At <= 60).Cpu;
            var firstMinuteCpu = 1e6 * cpuAt60 / Math.Max(1, ends.Count(t => t <= 60));
            var steadyCpu = 1e6 * (cpu[^1].Cpu - cpuAt60) / Math.Max(1, ends.Count(t => t > 60 && t <= cpu[^1].At));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}: first candidate turn answered {ends[0]:0.00} s after start ({firstTurnCpu:0.00} s of server CPU); first minute {firstMinute:0} turns/s, then {steady:0} turns/s: {100 * firstMinute / steady:0}%; server CPU per turn {firstMinuteCpu:0} µs in the first minute, {steadyCpu:0} µs after; turns/s per 10 s: {string.Join(" ", Enumerable.Range(0, options.Seconds / 10).Select(b => (ends.Count(t => t > b * 10 && t <= (b + 1) * 10) / 10.0).ToString("0", CultureInfo.InvariantCulture)))}"));
        }

        if (firsts.Count > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"median: first turn {firsts.Order().ElementAt(firsts.Count / 2):0.00} s (goal ≤ 2 s); first minute at {100 * ratios.Order().ElementAt(ratios.Count / 2):0}% of the steady state (goal ≥ 80%)"));
        }

        return firsts.Count == options.Runs ? 0 : 1;
    }

    /// <summary>
    /// The bot as it is deployed: <c>dotnet publish bot -c Release -r linux-x64 --self-contained false</c>, which compiles it
    /// ReadyToRun (bot/ScreeningBot.Bot.csproj), into artifacts/bench/bot.
    /// </summary>
    private static async Task<string> PublishBotAsync(string root, TextWriter output)
    {
        var folder = Path.Combine(root, "artifacts", "bench", "bot");
        await output.WriteLineAsync($"publishing the bot as deployed (ReadyToRun) into {folder} ...");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", "bot", "-c", "Release", "-r", RuntimeInformationRid(), "--self-contained", "false", "-o", folder, "-v", "q", "-nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0
            ? folder
            : throw new InvalidOperationException($"dotnet publish bot failed ({publish.ExitCode}):\n{await log}\n{await errors}");
    }

    private static string RuntimeInformationRid() => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    /// <summary>Interleaved: every repetition runs each concurrency's suites back to back, in reverse order on even repetitions.</summary>
    private static IEnumerable<(string Suite, int Concurrency, int Rep)> Jobs(IReadOnlyList<string> suites, HttpBenchmarkOptions options)
    {
        for (var rep = 1; rep <= options.Reps; rep++)
        {
            var groups = options.Concurrency
                .Select(c => suites.Where(s => s is "sb-sqlite" or "peer-memory").Select(s => (s, c)).ToList())
                .Append(suites.Where(s => s is "sb-tables" or "peer-blobs").Select(s => (s, options.StorageConcurrency)).ToList());
            foreach (var group in groups)
            {
                var ordered = rep % 2 == 0 ? Enumerable.Reverse(group) : group;
                foreach (var (suite, c) in ordered)
                {
                    yield return (suite, c, rep);
                }
            }
        }
    }

    private static async Task<RunResult> RunOneAsync(BenchProcesses processes, ScreeningBotInterview plan, string suite, int concurrency, int rep, HttpBenchmarkOptions options, string outFolder)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{suite}-c{concurrency}-r{rep}");
        var data = Directory.CreateTempSubdirectory("screeningbot-http-bench-").FullName;
        var port = BenchProcesses.FreePort();
        BenchProcesses.Azurite? azurite = null;
        Process? server = null;
        try
        {
            if (suite is "sb-tables" or "peer-blobs")
            {
                azurite = await processes.StartAzuriteAsync(name);
            }

            var bot = new Uri($"http://127.0.0.1:{port}/");
            Func<int, TurnRecorder, CancellationToken, Task> user;
            if (suite.StartsWith("sb-", StringComparison.Ordinal))
            {
                server = await processes.StartBotAsync(name, port, data, suite == "sb-tables" ? azurite : null, options.BotEnvironment);
                user = async (u, recorder, stop) =>
                {
                    using var http = new LoopbackHttpConnection("127.0.0.1", port, "/api/messages");
                    await InterviewScripts.ScreeningBotAsync(plan, u, http, bot, recorder, stop);
                };
            }
            else
            {
                server = await processes.StartPeerAsync(name, port, azurite);
                var runId = name + "-" + Guid.NewGuid().ToString("N")[..6];
                user = async (u, recorder, stop) =>
                {
                    using var http = new LoopbackHttpConnection("127.0.0.1", port, "/api/messages");
                    await InterviewScripts.PeerAsync(runId, u, http, recorder, stop);
                };
            }

            return await LoadRun.RunAsync(suite, concurrency, rep, options.WarmUp, options.Duration, server.Id, azurite?.Process.Id, user);
        }
        finally
        {
            BenchProcesses.Stop(server);
            BenchProcesses.Stop(azurite?.Process);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Waits (at most <paramref name="limit"/>) for a second in which the machine is at most 10% busy; returns the last reading.</summary>
    private static async Task<double> WaitForQuietAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        double busy;
        do
        {
            var (b0, t0) = ProcSampler.MachineJiffies();
            await Task.Delay(1000);
            var (b1, t1) = ProcSampler.MachineJiffies();
            busy = 100.0 * (b1 - b0) / Math.Max(1, t1 - t0);
        }
        while (busy > 10 && clock.Elapsed < limit);
        return busy;
    }

    /// <summary>The README table (medians over repetitions) and the issue's goals as ratios of ScreeningBot to the peer.</summary>
    internal static string Summarize(IReadOnlyList<RunResult> results, HttpBenchmarkOptions options)
    {
        static double Median(IEnumerable<double> values)
        {
            var v = values.Order().ToArray();
            return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        }

        var groups = results.GroupBy(r => (r.Suite, r.Concurrency)).ToDictionary(g => g.Key, g => g.ToList());
        double M((string, int) key, Func<RunResult, double> f) => groups.TryGetValue(key, out var g) ? Median(g.Select(f)) : double.NaN;
        string[] order = ["sb-sqlite", "peer-memory", "sb-tables", "peer-blobs"];
        var names = new Dictionary<string, string>
        {
            ["sb-sqlite"] = "ScreeningBot, SQLite (durable)",
            ["peer-memory"] = "botbuilder-JS 4.23, state in memory only",
            ["sb-tables"] = "ScreeningBot, Azure Tables on Azurite",
            ["peer-blobs"] = "botbuilder-JS, Azure Blobs on Azurite",
        };
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"| system ({Environment.ProcessorCount} cores; medians of {options.Reps} interleaved runs, {options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured) | candidates at once | turns/s | p50 ms | p99 ms | server CPU µs/turn | RSS MB | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in groups.Keys.OrderBy(k => Array.IndexOf(order, k.Suite)).ThenBy(k => k.Concurrency))
        {
            text.AppendLine(inv, $"| {names.GetValueOrDefault(key.Suite, key.Suite)} | {key.Concurrency} | {M(key, r => r.TurnsPerSecond):N0} | {M(key, r => r.P50Ms):0.0} | {M(key, r => r.P99Ms):0.0} | {M(key, r => r.ServerCpuMicrosecondsPerTurn):N0} | {M(key, r => r.ServerRssMaxMb):0} | {groups[key].Sum(r => r.Errors)} |");
        }

        text.AppendLine();
        text.AppendLine(inv, $"Machine busy during the runs: median {Median(results.Select(r => r.MachineBusyPercent)):0}% (load generator {Median(results.Select(r => r.LoadGeneratorCpuPercent)):0}% of one core). A ScreeningBot interview is 17 candidate turns, the peer's 9.");
        text.AppendLine();
        text.AppendLine("| goal (issue 19) | measured | met |");
        text.AppendLine("|---|---|---|");
        void Goal(string goal, double value, string shown, bool met)
        {
            if (!double.IsNaN(value))
            {
                text.AppendLine(inv, $"| {goal} | {shown} | {(met ? "yes" : "no")} |");
            }
        }

        var cpu = M(("sb-sqlite", 16), r => r.ServerCpuMicrosecondsPerTurn) / M(("peer-memory", 16), r => r.ServerCpuMicrosecondsPerTurn);
        Goal("server CPU per turn on SQLite ≤ 1/3 of the peer's in memory (C=16)", cpu, $"{cpu:0.00}x", cpu <= 1.0 / 3);
        var tps = M(("sb-sqlite", 16), r => r.TurnsPerSecond) / M(("peer-memory", 16), r => r.TurnsPerSecond);
        Goal("turns/s at 16 candidates ≥ 2.5x the peer's", tps, $"{tps:0.00}x", tps >= 2.5);
        var p99 = M(("sb-sqlite", 16), r => r.P99Ms);
        Goal("p99 at 16 candidates ≤ 10 ms (SQLite)", p99, $"{p99:0.0} ms", p99 <= 10);
        var rss = M(("sb-sqlite", 64), r => r.ServerRssMaxMb);
        Goal("RSS ≤ 150 MB at 64 candidates (SQLite)", rss, $"{rss:0} MB", rss <= 150);
        var tables = M(("sb-tables", options.StorageConcurrency), r => r.TurnsPerSecond) / M(("peer-blobs", options.StorageConcurrency), r => r.TurnsPerSecond);
        Goal($"Azure Tables on Azurite ≥ 2x the peer on Blobs (turns/s, C={options.StorageConcurrency})", tables, $"{tables:0.00}x", tables >= 2);
        return text.ToString();
    }
}
