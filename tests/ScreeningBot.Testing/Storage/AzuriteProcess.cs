using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// An Azurite emulator process the caller owns, on loopback. With a data folder it persists to disk and can be stopped
/// (<see cref="StopAsync"/>: SIGTERM, so Azurite saves what it holds, as a restarted storage service would have it) and
/// started again on the same ports and data (<see cref="StartAgainAsync"/>), to test a storage outage. Without one it
/// keeps everything in memory. Runs <c>npm ci</c> in tests/azurite when Azurite is not installed yet. Every wait is bounded;
/// failures say how to start Azurite by hand.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    public const string DevAccountName = "devstoreaccount1";
    public const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static readonly string HowToStart =
        "Start it yourself and point the tests at it: `npm ci --prefix tests/azurite && tests/azurite/node_modules/.bin/azurite " +
        "--silent --disableTelemetry --location \"$(mktemp -d)\" &` then " +
        $"`export {AzuriteFixture.EnvironmentVariable}='UseDevelopmentStorage=true'`; or install Node.js and npm so the tests can start it themselves.";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private const int MaxOutputChars = 64 * 1024;

    private readonly string _script;
    private readonly string _workingDirectory;
    private readonly string? _dataDirectory;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AzuriteProcess(string script, string workingDirectory, string? dataDirectory)
    {
        _script = script;
        _workingDirectory = workingDirectory;
        _dataDirectory = dataDirectory;
    }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>The connection string of this Azurite (its ports do not change across <see cref="StartAgainAsync"/>).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccountName};";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Installs (if needed) and starts Azurite on free loopback ports. <paramref name="persistent"/>: keep data in a
    /// folder of its own (deleted on dispose) so it survives <see cref="StopAsync"/>; otherwise in memory.
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(bool persistent)
    {
        var folder = FindAzuriteFolder();
        var script = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await RunNpmCiAsync(folder);
        }

        var workingDirectory = Directory.CreateTempSubdirectory("screeningbot-azurite-").FullName;
        var azurite = new AzuriteProcess(script, workingDirectory, persistent ? Path.Combine(workingDirectory, "data") : null);
        try
        {
            await azurite.LaunchAsync();
            await ProbeAsync(azurite.ConnectionString, "Azurite started but does not answer");
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops Azurite as a service stop would (SIGTERM; it saves its data and closes its ports), killing it if it hangs.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process || process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
        }
        else
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
                ?? throw new InvalidOperationException("`kill -TERM` could not be started to stop Azurite.");
            await kill.WaitForExitAsync().WaitAsync(StopTimeout);
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
    }

    /// <summary>Starts the stopped Azurite again on the same ports and data folder, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Azurite is still running; stop it first.");
        }

        _process?.Dispose();
        _process = null;
        await LaunchAsync();
        await ProbeAsync(ConnectionString, "Azurite started again but does not answer");
    }

    /// <summary>What Azurite printed (the last 64 KiB), for failure messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(StopTimeout);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (TimeoutException)
            {
                // Killed but not yet reaped: nothing else to do.
            }

            process.Dispose();
            _process = null;
        }

        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the OS temp cleaner takes it.
        }
    }

    /// <summary>Checks that the Table and Queue services behind <paramref name="connectionString"/> answer; throws <paramref name="failure"/> otherwise.</summary>
    public static async Task ProbeAsync(string connectionString, string failure)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var tables = new TableServiceClient(connectionString);
            await foreach (var page in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellation.Token).AsPages())
            {
                break;
            }

            await new QueueServiceClient(connectionString).GetPropertiesAsync(cancellation.Token);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or OperationCanceledException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{failure} ({e.GetType().Name}: {e.Message}). {HowToStart}", e);
        }
    }

    private async Task LaunchAsync()
    {
        // First start: port 0, the OS picks free ports (parallel runs never collide) and Azurite prints them. A restart
        // asks for the same ports, so clients keep their connection string.
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_script);
        foreach (var argument in new[] { "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose" })
        {
            start.ArgumentList.Add(argument);
        }

        if (_dataDirectory is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(_dataDirectory);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_dataDirectory);
        }

        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var queuePort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tablePort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, queuePort, tablePort);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, queuePort, tablePort);
        process.Exited += (_, _) =>
        {
            var error = new InvalidOperationException($"Azurite exited during start-up: {Tail(Output())} {HowToStart}");
            queuePort.TrySetException(error);
            tablePort.TrySetException(error);
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Azurite could not be started because `node` could not be run ({e.Message}). {HowToStart}", e);
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            QueuePort = await queuePort.Task.WaitAsync(StartTimeout);
            TablePort = await tablePort.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Azurite did not report its ports within {StartTimeout.TotalSeconds} s: {Tail(Output())} {HowToStart}");
        }
    }

    private void OnOutput(string? line, TaskCompletionSource<int> queuePort, TaskCompletionSource<int> tablePort)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > MaxOutputChars)
            {
                _output.Remove(0, _output.Length - MaxOutputChars);
            }
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            (match.Groups["service"].Value == "Queue" ? queuePort : tablePort).TrySetResult(port);
        }
    }

    private static string FindAzuriteFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScreeningBot.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "azurite");
            }
        }

        throw new InvalidOperationException($"Azurite is needed but the repository root (ScreeningBot.sln) was not found above {AppContext.BaseDirectory}. {HowToStart}");
    }

    private static async Task RunNpmCiAsync(string folder)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process? npm;
        try
        {
            npm = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Azurite is not installed in {folder} and npm could not be run ({e.Message}). {HowToStart}", e);
        }

        using (npm)
        {
            if (npm is null)
            {
                throw new InvalidOperationException($"Azurite is not installed in {folder} and npm could not be started. {HowToStart}");
            }

            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            try
            {
                await npm.WaitForExitAsync().WaitAsync(InstallTimeout);
            }
            catch (TimeoutException)
            {
                npm.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"`npm ci` in {folder} did not finish within {InstallTimeout.TotalMinutes} minutes. {HowToStart}");
            }

            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {folder} failed with exit code {npm.ExitCode}: {Tail(await stderr + await stdout)} {HowToStart}");
            }
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();

    [GeneratedRegex(@"Azurite (?<service>Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
