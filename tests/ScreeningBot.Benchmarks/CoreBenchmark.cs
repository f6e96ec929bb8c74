using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Benchmarks;

/// <summary>
/// The screening core with the offline judge on SQLite, in-process (no HTTP): how much CPU a candidate turn costs,
/// its latency with many candidates answering at once, memory with many interviews in flight, and how long scoring
/// takes once the last answer is in.
/// </summary>
internal static class CoreBenchmark
{
    public static async Task<int> RunAsync(string root, int interviews, int concurrency, bool inMemory, bool instantAnswers, TextWriter output)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("screeningbot-bench-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Sqlite",
                ["Storage:SqlitePath"] = Path.Combine(dataDirectory, "bench.db"),
                ["Screening:ProfilesPath"] = Path.Combine(root, "profiles"),
            }).Build();
            // Candidates take the time a person takes to read and type (see CandidateClock), unless --instant-answers.
            var clock = new CandidateClock(TimeProvider.System);
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddSingleton<TimeProvider>(clock)
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
            if (inMemory)
            {
                services.AddSingleton<IInterviewStore, InMemoryInterviewStore>()
                    .AddSingleton<ITranscriptStore, InMemoryTranscriptStore>()
                    .AddSingleton<IReportStore, InMemoryReportStore>()
                    .AddSingleton<IDecisionStore, InMemoryDecisionStore>()
                    .AddSingleton<IJobQueue>(new InMemoryJobQueue(TimeProvider.System));
            }
            else
            {
                services.AddScreeningBotStorage(configuration);
            }

            services.AddScreeningCore(configuration);
            await using var provider = services.BuildServiceProvider();
            var interviewService = provider.GetRequiredService<InterviewService>();
            // The bot's background WAL checkpoints run beside the turns, as in the real host (scoring is measured below).
            var checkpoints = provider.GetServices<IHostedService>().OfType<SqliteCheckpointWorker>().SingleOrDefault();
            if (checkpoints is not null)
            {
                await checkpoints.StartAsync(CancellationToken.None);
            }

            var scoring = provider.GetRequiredService<ScoringJobHandler>();
            var scriptPath = Path.Combine(root, "profiles", "rehearsals", "backend-senior-strong.yaml");
            var scriptText = await File.ReadAllTextAsync(scriptPath);

            await output.WriteLineAsync($"core: {interviews} interviews of backend-senior, {concurrency} candidates answering at once, {(inMemory ? "in-memory storage" : $"SQLite in {dataDirectory}")}, {(instantAnswers ? "answers the moment they are asked" : "answers at a person's typing pace")}");
            var typing = instantAnswers ? null : clock;
            // Enough turns for tiered JIT to promote the hot paths, so the figures are of optimised code: at least 32 interviews,
            // then batches of 8 until a batch compiled at most 8 methods (on a loaded machine the background tier-1
            // compiles lag far behind the turns), at most 512 interviews.
            var warmUps = 0;
            for (; warmUps < 32; warmUps++)
            {
                await WarmUpAsync(interviewService, typing, scriptPath, scriptText, warmUps);
            }

            while (warmUps < 512)
            {
                var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                for (var b = 0; b < 8; b++, warmUps++)
                {
                    await WarmUpAsync(interviewService, typing, scriptPath, scriptText, warmUps);
                }

                if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore <= 8)
                {
                    break;
                }
            }

            await output.WriteLineAsync($"  warm-up:          {warmUps} interviews");

            var turnLatency = new Stats();
            var process = Process.GetCurrentProcess();
            GC.Collect();
            var cpuBefore = process.TotalProcessorTime;
            var compiledBeforeWindow = System.Runtime.JitInfo.GetCompiledMethodCount();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var wall = Stopwatch.StartNew();
            var turns = 0;
            long peakWorkingSet = 0;
            using var gate = new SemaphoreSlim(concurrency);

            // Start every interview first, so all of them are in flight while the turns run.
            var started = new List<Interview>();
            for (var i = 0; i < interviews; i++)
            {
                var address = new ConversationAddress { ChannelId = "bench", ConversationId = $"candidate-{i}" };
                var result = await interviewService.StartAsync(new StartInterviewRequest("backend-senior", new Participant($"u{i}", $"Candidate {i}"), address, null, null), CancellationToken.None);
                started.Add(result.Interview!);
            }

            var tasks = started.Select(async interview =>
            {
                typing?.Begin();
                var answers = RehearsalAnswers.Parse(scriptPath, scriptText, out _)!;
                var current = interview;
                var n = 0;
                var sample = false;
                while (!current.Record.IsEnded)
                {
                    var answer = answers.Next(current.Position.Pending?.Prompt.QuestionId) ?? "skip";
                    typing?.Type(answer);
                    await gate.WaitAsync();
                    try
                    {
                        var t = Stopwatch.GetTimestamp();
                        var result = await interviewService.HandleMessageAsync(current.ConversationKey, new IncomingMessage(answer, $"m{++n}"), CancellationToken.None);
                        turnLatency.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                        current = result.Interview!;
                        sample = Interlocked.Increment(ref turns) % 32 == 0;
                    }
                    finally
                    {
                        gate.Release();
                    }

                    if (sample)
                    {
                        // Sampled, not per turn: reading /proc is itself costly enough to distort the CPU figure.
                        process.Refresh();
                        InterlockedMax(ref peakWorkingSet, process.WorkingSet64);
                    }
                }

                return current;
            }).ToArray();
            var finished = await Task.WhenAll(tasks);
            wall.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBeforeWindow;

            var scoringTime = new Stats();
            foreach (var interview in finished)
            {
                var t = Stopwatch.GetTimestamp();
                await scoring.BuildAsync(interview, CancellationToken.None);
                scoringTime.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  turns:            {turns:N0} in {wall.Elapsed.TotalSeconds:0.00} s = {turns / wall.Elapsed.TotalSeconds:N0} turns/s"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  CPU per turn:     {cpu.TotalMilliseconds / turns:0.000} ms (process CPU time / turns; budget < 0.3 ms)"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  JIT:              {compiled:N0} methods compiled in the window (the figures are of optimised code when this is near 0)"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  allocated:        {allocated / (double)turns / 1024:N1} KiB per turn"));
            await output.WriteLineAsync($"  turn latency:     {turnLatency.Describe("ms")} (budget p99 < 10 ms at 16 concurrent)");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  peak working set: {peakWorkingSet / 1024.0 / 1024.0:0.0} MB with {interviews} interviews in flight (budget < 150 MB; this process also holds the benchmark)"));
            await output.WriteLineAsync($"  scoring:          {scoringTime.Describe("ms")} per interview (build + store the scorecard)");
            if (checkpoints is not null)
            {
                await checkpoints.StopAsync(CancellationToken.None);
            }

            await output.WriteLineAsync($"  outcomes:         {string.Join(", ", finished.GroupBy(i => i.Status).Select(g => $"{g.Count()} {g.Key}"))}");
            var judged = finished.SelectMany(i => i.Record.Answers).Where(a => !a.Skipped).ToList();
            var cut = judged.Count(a => a.Judgment.RedFlags.Any(f => f.Code == Dialogs.Judging.RedFlag.TypingSpeed));
            await output.WriteLineAsync($"  typing check:     {cut:N0} of {judged.Count:N0} answers cut as faster than anyone types (the judge scored only what was left)");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task WarmUpAsync(InterviewService service, CandidateClock? typing, string scriptPath, string scriptText, int index)
    {
        typing?.Begin();
        var address = new ConversationAddress { ChannelId = "bench", ConversationId = $"warm-up-{index}" };
        var interview = (await service.StartAsync(new StartInterviewRequest("backend-senior", new Participant("warm", "Warm Up"), address, null, null), CancellationToken.None)).Interview!;
        var answers = RehearsalAnswers.Parse(scriptPath, scriptText, out _)!;
        while (!interview.Record.IsEnded)
        {
            var answer = answers.Next(interview.Position.Pending?.Prompt.QuestionId) ?? "skip";
            typing?.Type(answer);
            interview = (await service.HandleMessageAsync(address.Key, new IncomingMessage(answer), CancellationToken.None)).Interview!;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var previous = Interlocked.CompareExchange(ref target, value, current);
            if (previous == current)
            {
                return;
            }

            current = previous;
        }
    }
}
