using System.Globalization;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>Options of the <c>http</c> verb.</summary>
internal sealed record HttpBenchmarkOptions
{
    public IReadOnlyList<string> Suites { get; init; } = ["sb-sqlite", "peer-memory", "sb-tables", "peer-blobs"];

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64];

    /// <summary>Candidates at once for the Azurite suites; by default the same as <see cref="Concurrency"/>.</summary>
    public IReadOnlyList<int>? StorageConcurrency { get; init; }

    public IReadOnlyList<int> AzuriteConcurrency => StorageConcurrency ?? Concurrency;

    public int Reps { get; init; } = 3;

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for a quiet machine before each run.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(30);

    public string? Peer { get; init; }

    public string? Out { get; init; }

    /// <summary>The bot's folder (a publish output); default: published as deployed, ReadyToRun, into artifacts/bench/bot.</summary>
    public string? Bot { get; init; }

    /// <summary><c>http-cold</c>: cold starts measured, and seconds each.</summary>
    public int Runs { get; init; } = 3;

    public int Seconds { get; init; } = 90;

    /// <summary>Candidates knocking from a cold start's first moment (the headline concurrency).</summary>
    public int ColdConcurrency { get; init; } = 16;

    /// <summary><c>http</c>: cold starts measured after the load runs (0: none).</summary>
    public int ColdRuns { get; init; } = 3;

    /// <summary>The bot configurations to compare, interleaved (<c>--variant</c>); the shipped bot when none is given.</summary>
    public IReadOnlyList<BotVariant> Variants { get; init; } = [BotVariant.Default];

    /// <summary>Extra environment for the bot process (e.g. GC settings to compare).</summary>
    public IDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>();

    public static IEnumerable<string> PeerCandidates(string root) =>
        [Path.Combine(root, "..", "shared", "bench", "peer"), "/tmp/bench/peer"];

    /// <summary>The peer's folder: <see cref="Peer"/>, or ../shared/bench/peer or /tmp/bench/peer when <c>npm ci</c> ran there.</summary>
    public string? PeerFolder(string root) =>
        (Peer is null ? PeerCandidates(root) : [Peer])
        .Select(Path.GetFullPath)
        .FirstOrDefault(p => File.Exists(Path.Combine(p, "peer-bot.js")) && Directory.Exists(Path.Combine(p, "node_modules", "botbuilder")));

    public static HttpBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HttpBenchmarkOptions();
        var environment = new Dictionary<string, string>();
        for (var i = 1; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--suites" => options with { Suites = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--concurrency" => options with { Concurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--storage-concurrency" => options with { StorageConcurrency = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--reps" => options with { Reps = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--idle-wait" => options with { IdleWait = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--peer" => options with { Peer = value },
                "--out" => options with { Out = value },
                "--bot" => options with { Bot = Path.GetFullPath(value) },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--cold-concurrency" => options with { ColdConcurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--cold-runs" => options with { ColdRuns = int.Parse(value, CultureInfo.InvariantCulture) },
                "--variant" => options with { Variants = [.. options.Variants.Where(v => v.Name.Length > 0), BotVariant.Parse(value)] },
                "--bot-env" => options,
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            if (args[i] == "--bot-env")
            {
                var (key, setting) = value.Split('=', 2) is [var k, var v] ? (k, v) : throw new ArgumentException("--bot-env takes NAME=VALUE");
                environment[key] = setting;
            }

            i++;
        }

        var unknown = options.Suites.Except(["sb-sqlite", "peer-memory", "sb-tables", "peer-blobs"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown suite {unknown[0]} (sb-sqlite, peer-memory, sb-tables, peer-blobs)");
        }

        if (options.Seconds <= 70)
        {
            throw new ArgumentException("--seconds must be more than 70: the steady state is what follows the first minute");
        }

        var names = options.Variants.GroupBy(v => v.Name).FirstOrDefault(g => g.Count() > 1);
        return names is not null
            ? throw new ArgumentException($"--variant {names.Key} is given twice: each variant needs its own name")
            : options with { BotEnvironment = environment };
    }
}
