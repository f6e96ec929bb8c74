using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>Starts and stops the servers a run measures (the bot, the peer, Azurite) on free loopback ports.</summary>
internal sealed class BenchProcesses(string root, string? peerFolder, string logFolder, string? botFolder = null)
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft; not a secret).</summary>
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The bot to run: a <c>dotnet publish</c> output, or the Release build beside this project.</summary>
    public string BotFolder => botFolder ?? Path.Combine(root, "bot", "bin", "Release", "net10.0");

    public string? PeerFolder => peerFolder;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Release bot (built by this project's build) with its shipped settings: SQLite in <paramref name="data"/>, or Azure Tables.</summary>
    public async Task<Process> StartBotAsync(string name, int port, string data, Azurite? tables, IDictionary<string, string>? extra = null, bool waitUntilReady = true, string? botFolder = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = tables is null ? "Sqlite" : "Tables",
            ["Storage__SqlitePath"] = Path.Combine(data, "screeningbot.db"),
        };
        if (tables is not null)
        {
            environment["Storage__ConnectionString"] = tables.ConnectionString;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var folder = botFolder ?? BotFolder;
        var process = Start(name, "dotnet", [Path.Combine(folder, "ScreeningBot.Bot.dll"), "--urls", $"http://127.0.0.1:{port}"], folder, environment);
        if (waitUntilReady)
        {
            await WaitForHttpAsync(process, new Uri($"http://127.0.0.1:{port}/healthz"), TimeSpan.FromSeconds(120));
        }

        return process;
    }

    /// <summary>The peer from ../shared/bench/peer: botbuilder-JS with MemoryStorage, or Azure Blobs on <paramref name="blobs"/>.</summary>
    public async Task<Process> StartPeerAsync(string name, int port, Azurite? blobs)
    {
        var environment = new Dictionary<string, string> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["STORAGE"] = blobs is null ? "memory" : "blobs" };
        if (blobs is not null)
        {
            environment["BLOBS_CONNECTION_STRING"] = blobs.BlobConnectionString;
        }

        var process = Start(name, "node", ["peer-bot.js"], peerFolder!, environment);
        await WaitForHttpAsync(process, new Uri($"http://127.0.0.1:{port}/healthz"), TimeSpan.FromSeconds(120));
        return process;
    }

    /// <summary>Azurite from tests/azurite (installed by <c>npm ci --prefix tests/azurite</c>), in memory, on free ports.</summary>
    public async Task<Azurite> StartAzuriteAsync(string name)
    {
        var script = Path.Combine(root, "tests", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci --prefix tests/azurite` first ({script} is missing).");
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var process = Start(name + ".azurite", "node",
            [script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--inMemoryPersistence",
             "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}", "--tableHost", "127.0.0.1", "--tablePort", $"{table}"],
            root, new Dictionary<string, string>());
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { blob, queue, table })
        {
            while (!await AcceptsAsync(port))
            {
                if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException($"Azurite did not start; see {logFolder}/{name}.azurite.log");
                }

                await Task.Delay(100);
            }
        }

        return new Azurite(process, blob, queue, table);
    }

    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }

        process.Dispose();
    }

    private Process Start(string name, string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var log = new StreamWriter(Path.Combine(logFolder, name + ".log")) { AutoFlush = true };
        // The log closes when both streams have ended (a null line each), not on Exited: lines can still arrive after it.
        var gate = new Lock();
        var openStreams = 2;
        void Write(string? line)
        {
            lock (gate)
            {
                if (openStreams == 0)
                {
                    return;
                }

                if (line is not null)
                {
                    log.WriteLine(line);
                }
                else if (--openStreams == 0)
                {
                    log.Dispose();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForHttpAsync(Process process, Uri url, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (process.HasExited || deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException($"{url} did not answer within {timeout.TotalSeconds} s; see the logs in {logFolder}");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A running Azurite: blob, queue and table services.</summary>
    internal sealed record Azurite(Process Process, int BlobPort, int QueuePort, int TablePort)
    {
        public string ConnectionString =>
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

        public string BlobConnectionString =>
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;";
    }
}
