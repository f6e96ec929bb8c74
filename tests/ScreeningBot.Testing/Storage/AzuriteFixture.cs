using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Xunit;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// Azure Table and Queue Storage for tests: the Azurite emulator. With the environment variable
/// <see cref="EnvironmentVariable"/> set (a connection string, as .ci/run does), the tests use that Azurite.
/// Otherwise the fixture runs <c>npm ci</c> in tests/azurite when needed, starts Azurite itself on free loopback
/// ports with in-memory persistence, and stops it on dispose; so <c>dotnet test</c> works on a machine with
/// Node.js and npm. If Azurite can be neither found nor started, it throws: the tests fail with a message saying
/// how to start it, and are never skipped silently.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The one environment variable the tests read: an Azure Storage connection string for Azurite.</summary>
    public const string EnvironmentVariable = "SCREENINGBOT_AZURITE";

    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string DevAccountName = "devstoreaccount1";
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private static readonly string HowToStart =
        "Start it yourself and point the tests at it: `npm ci --prefix tests/azurite && tests/azurite/node_modules/.bin/azurite " +
        "--silent --disableTelemetry --location \"$(mktemp -d)\" &` then " +
        $"`export {EnvironmentVariable}='UseDevelopmentStorage=true'`; or install Node.js and npm so the tests can start it themselves.";

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _location;

    /// <summary>The connection string of the Azurite the tests use.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>True when this fixture started Azurite (and stops it); false when it came from the environment.</summary>
    public bool StartedHere => _process is not null;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured.Trim();
            await ProbeAsync($"{EnvironmentVariable} is set, but the Azurite it names does not answer");
            return;
        }

        var folder = FindAzuriteFolder();
        var script = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await RunNpmCiAsync(folder);
        }

        _location = Directory.CreateTempSubdirectory("screeningbot-azurite-").FullName;
        var (queuePort, tablePort) = await StartAsync(script, _location);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{DevAccountName};TableEndpoint=http://127.0.0.1:{tablePort}/{DevAccountName};";
        await ProbeAsync("Azurite started but does not answer");
    }

    public async Task DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
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

        if (_location is not null && Directory.Exists(_location))
        {
            Directory.Delete(_location, recursive: true);
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

    private async Task<(int QueuePort, int TablePort)> StartAsync(string script, string location)
    {
        // Port 0: the OS picks free ports, so parallel runs and other Azurites on the machine never collide;
        // Azurite prints the ports it got.
        var start = new ProcessStartInfo("node")
        {
            // In-memory persistence takes no --location; whatever else Azurite writes lands in this temp folder.
            WorkingDirectory = location,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
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
            return (await queuePort.Task.WaitAsync(StartTimeout), await tablePort.Task.WaitAsync(StartTimeout));
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
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
            (match.Groups["service"].Value == "Queue" ? queuePort : tablePort).TrySetResult(port);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private async Task ProbeAsync(string failure)
    {
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var tables = new TableServiceClient(ConnectionString);
            await foreach (var page in tables.QueryAsync(maxPerPage: 1, cancellationToken: cancellation.Token).AsPages())
            {
                break;
            }

            await new QueueServiceClient(ConnectionString).GetPropertiesAsync(cancellation.Token);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or AggregateException or OperationCanceledException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{failure} ({e.GetType().Name}: {e.Message}). {HowToStart}", e);
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text.Trim() : "…" + text[^2000..].Trim();

    [GeneratedRegex(@"Azurite (?<service>Queue|Table) service is successfully listening at https?://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
