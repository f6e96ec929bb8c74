using System.Diagnostics;
using System.Globalization;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// A small tmpfs the test mounts for itself (Linux; as root, through passwordless <c>sudo -n</c>, or as the root of a user
/// namespace of its own, <c>unshare --user --map-root-user --mount</c>, which .ci/run uses when it is neither), to give a
/// bot's SQLite file a disk that can really fill up (<see cref="FillAsync"/>: ENOSPC, as on a full volume) or turn
/// read-only (<see cref="RemountAsync"/>: EROFS, as on a volume mounted read-only), and recover (<see cref="FreeSpace"/>,
/// remount read-write). Dispose unmounts it (lazily, in case a killed process still holds a file) and removes the folder.
/// </summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<string?> LazyUnavailable = new(Probe);

    private readonly string _filler;
    private bool _mounted;

    private Tmpfs(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler.bin");
    }

    /// <summary>Why no tmpfs can be mounted here (not Linux, neither root nor passwordless sudo), or null when one can.</summary>
    /// <remarks>Inside <c>unshare --user --map-root-user --mount</c> the process is root of its namespace, so it can.</remarks>
    public static string? Unavailable => LazyUnavailable.Value;

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> on a new temporary folder, writable by this process.</summary>
    public static async Task<Tmpfs> MountAsync(long bytes)
    {
        if (Unavailable is { } why)
        {
            throw new InvalidOperationException(why);
        }

        var tmpfs = new Tmpfs(Directory.CreateTempSubdirectory("screeningbot-tmpfs-").FullName);
        var owner = OperatingSystem.IsLinux() ? $",uid={Id("-u")},gid={Id("-g")}" : string.Empty;
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={bytes.ToString(CultureInfo.InvariantCulture)},mode=0755{owner}", "tmpfs", tmpfs.Path);
        tmpfs._mounted = true;
        return tmpfs;
    }

    /// <summary>Writes a filler file until the disk is full (ENOSPC); returns the bytes written.</summary>
    public async Task<long> FillAsync()
    {
        var block = new byte[64 * 1024];
        long written = 0;
        await using var stream = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.None);
        try
        {
            while (true)
            {
                await stream.WriteAsync(block);
                await stream.FlushAsync();
                written += block.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Smaller writes take what is left, down to the last byte.
        }

        for (var size = block.Length / 2; size > 0; size /= 2)
        {
            try
            {
                await stream.WriteAsync(block.AsMemory(0, size));
                await stream.FlushAsync();
                written += size;
            }
            catch (IOException)
            {
                // Not even this much is left; try less.
            }
        }

        return written;
    }

    /// <summary>Deletes the filler file: the disk has room again.</summary>
    public void FreeSpace() => File.Delete(_filler);

    /// <summary>
    /// Makes the mount read-only or read-write again (the mount's own flag, which a user namespace may change, unlike the
    /// tmpfs's). Read-only fails (EBUSY) while a process holds a file open for writing.
    /// </summary>
    public Task RemountAsync(bool readOnly) => RunAsync("mount", "-o", readOnly ? "remount,bind,ro" : "remount,bind,rw", Path);

    public async ValueTask DisposeAsync()
    {
        if (_mounted)
        {
            await RunAsync("umount", "-l", Path);
            _mounted = false;
        }

        Directory.Delete(Path, recursive: true);
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Mounting a tmpfs needs Linux.";
        }

        if (Environment.IsPrivilegedProcess)
        {
            return null;
        }

        try
        {
            using var sudo = Process.Start(new ProcessStartInfo("sudo", ["-n", "true"]) { UseShellExecute = false, RedirectStandardError = true });
            if (sudo is not null && sudo.WaitForExit(CommandTimeout) && sudo.ExitCode == 0)
            {
                return null;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sudo at all.
        }

        return "Mounting a tmpfs needs root or passwordless sudo: run the tests as root, allow `sudo -n mount`/`umount`, or run them "
            + "inside a user namespace of your own, `unshare --user --map-root-user --mount dotnet test ScreeningBot.sln` (as .ci/run does).";
    }

    private static string Id(string flag)
    {
        using var id = Process.Start(new ProcessStartInfo("id", [flag]) { UseShellExecute = false, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("`id` could not be started.");
        var value = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return value;
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var start = Environment.IsPrivilegedProcess ? new ProcessStartInfo(command) : new ProcessStartInfo("sudo", ["-n", command]);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"`{command}` could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(CommandTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command} {string.Join(' ', arguments)}` failed with exit code {process.ExitCode}: {(await error).Trim()}");
        }
    }
}
