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
        var coldJobs = options.ColdRuns * options.Variants.Count;
        var perRun = options.WarmUp + options.Duration + TimeSpan.FromSeconds(6);
        var planned = (perRun * jobs.Count) + (TimeSpan.FromSeconds(options.Seconds + 4) * coldJobs);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"http: {jobs.Count} load runs ({options.WarmUp.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured each) and {coldJobs} cold starts ({options.Seconds} s each), about {planned.TotalMinutes:0} minutes without the waits for a quiet machine; results in {outFolder}"));
        foreach (var variant in options.Variants.Where(v => v.Name.Length > 0))
        {
            await output.WriteLineAsync($"  variant {variant.Name}: {variant.Describe()}");
        }

        var clock = Stopwatch.StartNew();
        await using (var lines = new StreamWriter(Path.Combine(outFolder, "results.jsonl")))
        {
            for (var i = 0; i < jobs.Count; i++)
            {
                var (suite, concurrency, rep, variant) = jobs[i];
                var busy = await WaitForQuietAsync(options.IdleWait);
                var left = (perRun * (jobs.Count - i)) + (TimeSpan.FromSeconds(options.Seconds + 4) * coldJobs);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"== [{i + 1}/{jobs.Count}] {suite}{Bracketed(variant.Name)} C={concurrency} rep {rep} (machine {busy:0}% busy before it, load average {ProcSampler.LoadAverage():0.0}; {clock.Elapsed.TotalMinutes:0} min so far, about {left.TotalMinutes:0} min to go)"));
                var result = await RunOneAsync(processes, plan, suite, concurrency, rep, variant, options, outFolder) with { Variant = variant.Name };
                results.Add(result);
                await lines.WriteLineAsync(JsonSerializer.Serialize(result, Json));
                await lines.FlushAsync();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"   {result.TurnsPerSecond:0} turns/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, server {result.ServerCpuMicrosecondsPerTurn:0} µs/turn, RSS {result.ServerRssMaxMb:0} MB (at the end: anon {result.ServerRssAnonMb:0}, file {result.ServerRssFileMb:0}, shmem {result.ServerRssShmemMb:0}), errors {result.Errors}, machine {result.MachineBusyPercent:0}% busy, load average {result.LoadAverage:0.0}, load generator {result.LoadGeneratorCpuPercent:0}%"));
                foreach (var sample in result.ErrorSamples)
                {
                    await output.WriteLineAsync("   error: " + sample);
                }
            }
        }

        var colds = await ColdStartsAsync(processes, plan, options, outFolder, output);
        var summary = Summarize(results, options) + (colds.Count > 0 ? Environment.NewLine + SummarizeColdStarts(colds, options) : "");
        await File.WriteAllTextAsync(Path.Combine(outFolder, "summary.md"), summary);
        await output.WriteLineAsync();
        await output.WriteLineAsync(summary);
        return results.Sum(r => r.Errors) == 0 && colds.Count == coldJobs ? 0 : 1;
    }

    /// <summary>
    /// <c>http-cold</c>: cold starts alone, every variant once per round (interleaved), then the medians.
    /// </summary>
    public static async Task<int> RunColdAsync(string root, HttpBenchmarkOptions options, TextWriter output)
    {
        var outFolder = options.Out ?? Path.Combine(root, "artifacts", "bench", "cold-" + TimeProvider.System.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(outFolder);
        var processes = new BenchProcesses(root, null, outFolder, options.Bot ?? await PublishBotAsync(root, output));
        var plan = new ScreeningBotInterview(root, "backend-senior", Path.Combine(root, "profiles", "rehearsals", "backend-senior-strong.yaml"));
        var colds = await ColdStartsAsync(processes, plan, options with { ColdRuns = options.Runs }, outFolder, output);
        if (colds.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(SummarizeColdStarts(colds, options with { ColdRuns = options.Runs }));
        }

        return colds.Count == options.Runs * options.Variants.Count ? 0 : 1;
    }

    /// <summary>
    /// Cold starts on SQLite, <see cref="HttpBenchmarkOptions.ColdRuns"/> per variant, variants interleaved (reversed every other
    /// round), <see cref="HttpBenchmarkOptions.ColdConcurrency"/> candidates: see <see cref="ColdStart"/>.
    /// </summary>
    private static async Task<List<ColdResult>> ColdStartsAsync(BenchProcesses processes, ScreeningBotInterview plan, HttpBenchmarkOptions options, string outFolder, TextWriter output)
    {
        var colds = new List<ColdResult>();
        if (options.ColdRuns == 0)
        {
            return colds;
        }

        var concurrency = options.ColdConcurrency;
        await using var lines = new StreamWriter(Path.Combine(outFolder, "cold.jsonl"));
        var total = options.ColdRuns * options.Variants.Count;
        var done = 0;
        for (var run = 1; run <= options.ColdRuns; run++)
        {
            foreach (var variant in run % 2 == 0 ? options.Variants.Reverse() : options.Variants)
            {
                var busy = await WaitForQuietAsync(options.IdleWait);
                done++;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"== [{done}/{total}] cold start{Bracketed(variant.Name)} run {run}: {concurrency} candidates from the process's first moment for {options.Seconds} s ({variant.Describe()}; machine {busy:0}% busy before it, load average {ProcSampler.LoadAverage():0.0})"));
                var result = await ColdStart.RunAsync(processes, plan, variant, options.BotEnvironment, run, concurrency, options.Seconds);
                if (result is null)
                {
                    await output.WriteLineAsync($"   no turn answered; see the bot's log in {outFolder}");
                    continue;
                }

                colds.Add(result);
                await lines.WriteLineAsync(JsonSerializer.Serialize(result, Json));
                await lines.FlushAsync();
                await output.WriteLineAsync("   " + result.Describe());
            }
        }

        return colds;
    }

    private static string Bracketed(string variant) => variant.Length > 0 ? $" [{variant}]" : "";

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

    /// <summary>
    /// Interleaved: every repetition runs each concurrency's suites (and the bot's variants) back to back, in reverse order on
    /// even repetitions; the Azurite suites after the in-memory and SQLite ones.
    /// </summary>
    private static IEnumerable<(string Suite, int Concurrency, int Rep, BotVariant Variant)> Jobs(IReadOnlyList<string> suites, HttpBenchmarkOptions options)
    {
        IEnumerable<(string, int, BotVariant)> Group(int c, string bot, string peer) =>
            suites.Where(s => s == bot).SelectMany(s => options.Variants.Select(v => (s, c, v)))
                .Concat(suites.Where(s => s == peer).Select(s => (s, c, BotVariant.Default)));
        for (var rep = 1; rep <= options.Reps; rep++)
        {
            var groups = options.Concurrency.Select(c => Group(c, "sb-sqlite", "peer-memory").ToList())
                .Concat(options.AzuriteConcurrency.Select(c => Group(c, "sb-tables", "peer-blobs").ToList()));
            foreach (var group in groups)
            {
                var ordered = rep % 2 == 0 ? Enumerable.Reverse(group) : group;
                foreach (var (suite, c, variant) in ordered)
                {
                    yield return (suite, c, rep, variant);
                }
            }
        }
    }

    private static async Task<RunResult> RunOneAsync(BenchProcesses processes, ScreeningBotInterview plan, string suite, int concurrency, int rep, BotVariant variant, HttpBenchmarkOptions options, string outFolder)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{suite}{(variant.Name.Length > 0 ? "-" + variant.Name : "")}-c{concurrency}-r{rep}");
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
                server = await processes.StartBotAsync(name, port, data, suite == "sb-tables" ? azurite : null, variant.EnvironmentOver(options.BotEnvironment), botFolder: variant.BotFolder);
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

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Where(x => !double.IsNaN(x)).Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    /// <summary>
    /// The README's Performance table (medians over repetitions, in the README's columns), the machine's load, and the issue's
    /// goals as ratios of ScreeningBot (each variant) to the peer.
    /// </summary>
    internal static string Summarize(IReadOnlyList<RunResult> results, HttpBenchmarkOptions options)
    {
        var groups = results.GroupBy(r => (r.Suite, r.Variant, r.Concurrency)).ToDictionary(g => g.Key, g => g.ToList());
        double M((string, string, int) key, Func<RunResult, double> f) => groups.TryGetValue(key, out var g) ? Median(g.Select(f)) : double.NaN;
        string[] order = ["sb-sqlite", "peer-memory", "sb-tables", "peer-blobs"];
        var names = new Dictionary<string, string>
        {
            ["sb-sqlite"] = "ScreeningBot, SQLite (durable)",
            ["peer-memory"] = "botbuilder-JS 4.23, state in memory only",
            ["sb-tables"] = "ScreeningBot, Azure Tables on Azurite",
            ["peer-blobs"] = "botbuilder-JS, Azure Blobs on Azurite",
        };
        var variants = options.Variants.Select(v => v.Name).ToList();
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"| system ({Environment.ProcessorCount} cores, medians of {options.Reps} interleaved runs, {options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured) | candidates at once | turns/s | p50 ms | p99 ms | server CPU µs/turn | RSS MB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var keys = groups.Keys
            .OrderBy(k => k.Suite.StartsWith("sb-tables", StringComparison.Ordinal) || k.Suite == "peer-blobs")
            .ThenBy(k => k.Concurrency)
            .ThenBy(k => Array.IndexOf(order, k.Suite))
            .ThenBy(k => variants.IndexOf(k.Variant));
        foreach (var key in keys)
        {
            text.AppendLine(inv, $"| {names.GetValueOrDefault(key.Suite, key.Suite)}{Bracketed(key.Variant)} | {key.Concurrency} | {M(key, r => r.TurnsPerSecond):N0} | {M(key, r => r.P50Ms):0.0} | {M(key, r => r.P99Ms):0.0} | {M(key, r => r.ServerCpuMicrosecondsPerTurn):N0} | {M(key, r => r.ServerRssMaxMb):0} |");
        }

        text.AppendLine();
        var errors = results.Where(r => r.Errors > 0).Select(r => $"{r.Suite}{Bracketed(r.Variant)} C={r.Concurrency} rep {r.Rep}: {r.Errors}").ToList();
        text.AppendLine(inv, $"Machine busy during the measured windows: median {Median(results.Select(r => r.MachineBusyPercent)):0}% (load generator {Median(results.Select(r => r.LoadGeneratorCpuPercent)):0}% of one core); load average median {Median(results.Select(r => r.LoadAverage)):0.0} (from {results.Select(r => r.LoadAverage).DefaultIfEmpty().Min():0.0} to {results.Select(r => r.LoadAverage).DefaultIfEmpty().Max():0.0}). Wrong or failed replies: {(errors.Count == 0 ? "none" : string.Join("; ", errors))}. A ScreeningBot interview is 17 candidate turns, the peer's 9.");
        var anyRss = results.Where(r => r.Suite.StartsWith("sb-", StringComparison.Ordinal)).GroupBy(r => (r.Suite, r.Variant, r.Concurrency)).ToList();
        if (anyRss.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Resident memory of ScreeningBot at the end of the window, by kind (medians, MB): " + string.Join("; ", anyRss.Select(g =>
                string.Create(inv, $"{g.Key.Suite}{Bracketed(g.Key.Variant)} C={g.Key.Concurrency}: anon {Median(g.Select(r => r.ServerRssAnonMb)):0}, file {Median(g.Select(r => r.ServerRssFileMb)):0}, shmem {Median(g.Select(r => r.ServerRssShmemMb)):0}"))) + ".");
        }

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

        foreach (var v in variants)
        {
            var cpu = M(("sb-sqlite", v, 16), r => r.ServerCpuMicrosecondsPerTurn) / M(("peer-memory", "", 16), r => r.ServerCpuMicrosecondsPerTurn);
            Goal($"server CPU per turn on SQLite ≤ 1/3 of the peer's in memory (C=16){Bracketed(v)}", cpu, $"{cpu:0.00}x", cpu <= 1.0 / 3);
            var tps = M(("sb-sqlite", v, 16), r => r.TurnsPerSecond) / M(("peer-memory", "", 16), r => r.TurnsPerSecond);
            Goal($"turns/s at 16 candidates ≥ 2.5x the peer's{Bracketed(v)}", tps, $"{tps:0.00}x", tps >= 2.5);
            var p99 = M(("sb-sqlite", v, 16), r => r.P99Ms);
            Goal($"p99 at 16 candidates ≤ 10 ms (SQLite){Bracketed(v)}", p99, $"{p99:0.0} ms", p99 <= 10);
            var rss = M(("sb-sqlite", v, 64), r => r.ServerRssMaxMb);
            Goal($"RSS ≤ 150 MB at 64 candidates (SQLite){Bracketed(v)}", rss, $"{rss:0} MB", rss <= 150);
            foreach (var c in options.AzuriteConcurrency)
            {
                var tables = M(("sb-tables", v, c), r => r.TurnsPerSecond) / M(("peer-blobs", "", c), r => r.TurnsPerSecond);
                Goal($"Azure Tables on Azurite ≥ 2x the peer on Blobs (turns/s, C={c}){Bracketed(v)}", tables, $"{tables:0.00}x", tables >= 2);
            }
        }

        return text.ToString();
    }

    /// <summary>The cold starts' medians per variant, and the issue's two cold-start goals.</summary>
    internal static string SummarizeColdStarts(IReadOnlyList<ColdResult> colds, HttpBenchmarkOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var concurrency = colds.Count > 0 ? colds[0].Concurrency : options.ColdConcurrency;
        text.AppendLine(inv, $"| cold start (SQLite, {concurrency} candidates knocking from process start, {options.Seconds} s; medians of {options.ColdRuns}) | first turn answered, s after start | first minute turns/s | turns/s after it | first minute / steady | server CPU µs/turn, first minute / after | RSS MB | load average |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var variant in options.Variants)
        {
            var runs = colds.Where(c => c.Variant == variant.Name).ToList();
            if (runs.Count == 0)
            {
                continue;
            }

            var name = variant.Name.Length > 0 ? $"{variant.Name} ({variant.Describe()})" : "ScreeningBot as published (ReadyToRun)";
            text.AppendLine(inv,
                $"| {name} | {Median(runs.Select(r => r.FirstTurnSeconds)):0.00} | {Median(runs.Select(r => r.FirstMinuteTurnsPerSecond)):N0} | {Median(runs.Select(r => r.SteadyTurnsPerSecond)):N0} | {100 * Median(runs.Select(r => r.FirstMinuteShare)):0}% | {Median(runs.Select(r => r.FirstMinuteCpuMicrosecondsPerTurn)):N0} / {Median(runs.Select(r => r.SteadyCpuMicrosecondsPerTurn)):N0} | {Median(runs.Select(r => r.RssMaxMb)):0} | {Median(runs.Select(r => r.LoadAverage)):0.0} |");
        }

        text.AppendLine();
        text.AppendLine("| goal (issue 19) | measured | met |");
        text.AppendLine("|---|---|---|");
        foreach (var variant in options.Variants)
        {
            var runs = colds.Where(c => c.Variant == variant.Name).ToList();
            if (runs.Count > 0)
            {
                var first = Median(runs.Select(r => r.FirstTurnSeconds));
                var share = Median(runs.Select(r => r.FirstMinuteShare));
                text.AppendLine(inv, $"| cold start: first turn answered within 2 s of process start{Bracketed(variant.Name)} | {first:0.00} s | {(first <= 2 ? "yes" : "no")} |");
                text.AppendLine(inv, $"| cold start: first minute ≥ 80% of steady-state throughput{Bracketed(variant.Name)} | {100 * share:0}% | {(share >= 0.8 ? "yes" : "no")} |");
            }
        }

        return text.ToString();
    }
}
