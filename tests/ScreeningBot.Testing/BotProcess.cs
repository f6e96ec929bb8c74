using System.Diagnostics;
using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScreeningBot.Testing;

/// <summary>
/// The real bot as an operating-system process of its own: <c>dotnet ScreeningBot.Bot.dll --urls http://127.0.0.1:0</c>
/// from the test output folder (the bot's build is copied there), configured through environment variables only.
/// <see cref="StartAsync"/> returns once <c>/healthz</c> answers; <see cref="KillAsync"/> is SIGKILL on Linux, so no
/// shutdown code runs, as in a crash; <see cref="TerminateAsync"/> is SIGTERM, the graceful stop a platform sends
/// before it recycles an instance. Output is captured for failure messages and can be waited on. Dispose kills it if it still runs, so a
/// failing test leaves no process behind. Authentication stays off (no MicrosoftAppId): only loopback is served.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private const int MaxOutputChars = 64 * 1024;
    private const int MaxLines = 20_000;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Fragment, TaskCompletionSource Signal)> _outputWaiters = [];
    private readonly List<string> _lines = [];

    private BotProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>A label for failure messages ("bot A").</summary>
    public string Name { get; }

    /// <summary>http://127.0.0.1:port/ once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the bot with <paramref name="settings"/> (configuration keys like <c>Storage:Provider</c>, passed as
    /// <c>Storage__Provider</c> environment variables) and waits until it serves <c>/healthz</c>.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dll = Path.Combine(AppContext.BaseDirectory, "ScreeningBot.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The bot's build was not found at {dll}; the test project must reference bot/ScreeningBot.Bot.csproj (through ScreeningBot.Testing).");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            // The output folder is the content root, as in a deployment: it holds appsettings.json.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["MicrosoftAppId"] = string.Empty,
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, name);
        process.OutputDataReceived += (_, e) => bot.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => bot.OnOutput(e.Data);
        process.Exited += (_, _) => bot._listening.TrySetException(new InvalidOperationException($"{name} exited during start-up."));
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"{name} could not be started: `{start.FileName}` could not be run ({e.Message}).", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot.WaitUntilHealthyAsync(timeout ?? DefaultStartTimeout);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>POSTs an activity to <c>/api/messages</c> (no token: authentication is off).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, MediaTypeNames.Application.Json);
        return await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
    }

    /// <summary>Kills the process at once (SIGKILL on Linux: no graceful shutdown, in-flight work is lost) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(ExitTimeout);
    }

    /// <summary>
    /// Sends SIGTERM (a graceful stop: the host drains what it is doing, then exits) and returns at once; wait for the
    /// exit with <see cref="WaitForExitAsync"/>.
    /// </summary>
    public async Task TerminateAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("SIGTERM exists on Linux and macOS only.");
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException($"`kill -TERM` could not be started to stop {Name}.");
        await kill.WaitForExitAsync().WaitAsync(ExitTimeout);
    }

    /// <summary>Waits until the process has exited, at most <paramref name="timeout"/> (then fails with its output).</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s. Its output:\n{Output()}", e);
        }
    }

    /// <summary>
    /// Completes once the bot has printed a line containing <paramref name="fragment"/> (since it started), at most
    /// <paramref name="timeout"/>; fails with its output otherwise.
    /// </summary>
    public async Task WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(fragment);
        Task printed;
        lock (_output)
        {
            if (_lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)))
            {
                return;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _outputWaiters.Add((fragment, signal));
            printed = signal.Task;
        }

        try
        {
            await printed.WaitAsync(timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Name} did not print '{fragment}' within {timeout.TotalSeconds} s. Its output:\n{Output()}", e);
        }
    }

    /// <summary>What the bot printed (the last 64 KiB), for failure messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        try
        {
            await KillAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Never started, already reaped, or killed but not yet reaped: nothing else to do.
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            BaseAddress = await _listening.Task.WaitAsync(deadline.Token);
            Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            // Kestrel prints the address once it accepts connections, so one request tells whether the app serves.
            using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{Name} answered /healthz with {(int)response.StatusCode}.");
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or HttpRequestException)
        {
            var exit = _process.HasExited ? $"it exited with code {_process.ExitCode}" : "it is still running";
            throw new InvalidOperationException($"{Name} did not serve /healthz within {timeout.TotalSeconds} s ({exit}). Its output:\n{Output()}", e);
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource> printed = [];
        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > MaxOutputChars)
            {
                _output.Remove(0, _output.Length - MaxOutputChars);
            }

            if (_lines.Count < MaxLines)
            {
                _lines.Add(line);
            }

            foreach (var waiter in _outputWaiters.Where(w => line.Contains(w.Fragment, StringComparison.Ordinal)).ToArray())
            {
                _outputWaiters.Remove(waiter);
                printed.Add(waiter.Signal);
            }
        }

        printed.ForEach(p => p.TrySetResult());

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups["address"].Value.TrimEnd('/') + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
