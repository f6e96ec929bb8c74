using System.Diagnostics;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Cli;

/// <summary>
/// The built bot executable run as a separate process from the repository root, exactly as a person runs it; standard
/// input is closed (or holds <c>input</c>). A process still running after the timeout is killed and reported, so a
/// command line that wrongly starts the server fails the test instead of hanging it.
/// </summary>
internal static class BotExecutable
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? input = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ScreeningBot.Bot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new Xunit.Sdk.XunitException(
                $"'{string.Join(' ', args)}' was still running after {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds} s. Output:\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
