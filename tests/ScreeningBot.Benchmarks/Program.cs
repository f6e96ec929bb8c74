using System.Globalization;
using ScreeningBot.Benchmarks;

// Benchmarks print figures for the budgets in README.md (Performance); they assert nothing. Run from the repository root:
//   dotnet run -c Release --project tests/ScreeningBot.Benchmarks -- core|journey|judge|pieces|cefr-fit [options]   (no verb: usage)
var verb = args.Length > 0 ? args[0] : "help";
int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "ScreeningBot.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run the benchmarks from inside the repository (ScreeningBot.sln not found above the current directory).");
}

ScreeningBot.Benchmarks.Http.HttpBenchmarkOptions HttpOptions()
{
    try
    {
        return ScreeningBot.Benchmarks.Http.HttpBenchmarkOptions.Parse(args);
    }
    catch (Exception e) when (e is ArgumentException or FormatException)
    {
        Console.Error.WriteLine($"{verb}: {e.Message} (see `dotnet run -c Release --project tests/ScreeningBot.Benchmarks -- help`)");
        Environment.Exit(2);
        throw;
    }
}

switch (verb)
{
    case "core":
        return await CoreBenchmark.RunAsync(root, Option("interviews", 64), Option("concurrency", 16), args.Contains("--memory"), args.Contains("--instant-answers"), Console.Out);
    case "pieces":
        return await PiecesBenchmark.RunAsync(root, Option("rounds", 2000), Console.Out);
    case "judge":
        return await JudgeBenchmark.RunAsync(root, Option("rounds", 200), Console.Out);
    case "cefr-fit":
        return await CefrFit.RunAsync(root, args, Console.Out);
    case "http":
        return await ScreeningBot.Benchmarks.Http.HttpBenchmark.RunAsync(root, HttpOptions(), Console.Out);
    case "http-cold":
        return await ScreeningBot.Benchmarks.Http.HttpBenchmark.RunColdAsync(root, HttpOptions(), Console.Out);
    case "journey":
        return await JourneyBenchmark.RunAsync(root, Option("interviews", 8), Option("concurrency", 1), Console.Out);
    default:
        Console.WriteLine("usage: dotnet run -c Release --project tests/ScreeningBot.Benchmarks -- VERB [options]");
        Console.WriteLine("  core [--interviews 64] [--concurrency 16] [--memory] [--instant-answers]");
        Console.WriteLine("          the screening core on SQLite (or in memory) with the offline judge, in-process:");
        Console.WriteLine("          CPU per turn, turn latency, peak memory with the interviews in flight, scoring time;");
        Console.WriteLine("          candidates answer at a person's reading and typing pace on the interview's clock, or with");
        Console.WriteLine("          --instant-answers the moment they are asked (figures before 2026-12-08: the typing check cut each answer)");
        Console.WriteLine("  journey [--interviews 8] [--concurrency 1]");
        Console.WriteLine("          whole Teams journeys over HTTP (real Kestrel and JWT validation, fake Bot Connector):");
        Console.WriteLine("          HTTP turn latency and the time from the last answer to the scorecard in the channel");
        Console.WriteLine("  http [--suites sb-sqlite,peer-memory,sb-tables,peer-blobs] [--concurrency 1,16,64] [--storage-concurrency 1,16,64]");
        Console.WriteLine("       [--reps 3] [--warmup 30] [--duration 20] [--idle-wait 30] [--cold-runs 3] [--cold-concurrency 16] [--seconds 90] [--peer DIR] [--out DIR]");
        Console.WriteLine("       [--bot DIR] [--bot-env NAME=VALUE]... [--variant NAME:NAME=VALUE[,NAME=VALUE|,BOT=DIR]]...");
        Console.WriteLine("          ScreeningBot (published as deployed, started per run) and the Bot Framework SDK peer of ../shared/bench side by");
        Console.WriteLine("          side: whole interviews over HTTP, one load generator, runs interleaved, then cold starts on SQLite;");
        Console.WriteLine("          prints the README's Performance table, the cold-start table and the issue-19 goals");
        Console.WriteLine("          (needs `npm ci` in the peer's folder and in tests/azurite). Each --variant is another bot configuration");
        Console.WriteLine("          run beside the others, e.g. --variant wks:DOTNET_gcServer=0 --variant server:DOTNET_gcServer=1");
        Console.WriteLine("  http-cold [--runs 3] [--seconds 90] [--cold-concurrency 16] [--bot DIR] [--bot-env NAME=VALUE]... [--variant ...]...");
        Console.WriteLine("          cold starts on SQLite alone (variants interleaved): time to the first answered turn, the first minute's");
        Console.WriteLine("          throughput and CPU per turn against the rest of the run (the steady state)");
        Console.WriteLine("  judge [--rounds 200]");
        Console.WriteLine("          the offline judge alone on interview-length answers: microseconds per answer");
        Console.WriteLine("  cefr-fit [--items PATH] [--write | --dev-out FILE] [--trees 300] [--depth 3] [--rate 0.05] [--min-leaf 20] [--lambda 5] [--subsample 0.8]");
        Console.WriteLine("          fits the offline CEFR model on CEFR-SP train (dev figures) or, with --write, on train + dev into");
        Console.WriteLine("          dialogs/Language/Data/cefr-model.json; it never reads the test split");
        Console.WriteLine("  pieces [--rounds 2000]");
        Console.WriteLine("          where one turn's time goes: JSON round trip of the interview record, dialog, judge");
        return verb is "help" or "--help" ? 0 : 2;
}
