using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace ScreeningBot.Bot.Tests.Infra;

/// <summary>Runs infra/teams/package.sh the way an operator does and opens the zip it writes.</summary>
public sealed class TeamsPackageScriptTests : IDisposable
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private const string Domain = "app-screeningbot-test1234.azurewebsites.net";

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("screeningbot-teams-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task PackageScript_ValidArguments_WritesZipWithFilledManifestAndIcons()
    {
        var (exitCode, _, standardError) = await RunScriptAsync("--app-id", AppId, "--domain", Domain, "--version", "1.2.3", "--out", _output.FullName);

        Assert.True(exitCode == 0, $"package.sh failed with {exitCode}: {standardError}");
        using var sut = ZipFile.OpenRead(Path.Combine(_output.FullName, "ScreeningBot.Teams.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], sut.Entries.Select(entry => entry.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(
            File.ReadAllBytes(InfraFiles.PathOf("infra/teams/color.png")),
            ReadAllBytes(sut.GetEntry("color.png")!));

        var text = System.Text.Encoding.UTF8.GetString(ReadAllBytes(sut.GetEntry("manifest.json")!));
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(Domain, root.GetProperty("validDomains")[0].GetString());
        Assert.Equal("1.2.3", root.GetProperty("version").GetString());
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out var teamsAppId));
        Assert.NotEqual(Guid.Parse(AppId), teamsAppId);
        Assert.Equal($"https://{Domain}/", root.GetProperty("developer").GetProperty("privacyUrl").GetString());
    }

    [Fact]
    public async Task PackageScript_SameAppIdTwice_DerivesTheSameTeamsAppId()
    {
        var first = await PackageAndReadTeamsAppIdAsync("first");
        var second = await PackageAndReadTeamsAppIdAsync("second");

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("--domain", "https://" + Domain, "is not a host name")]
    [InlineData("--app-id", "not-a-guid", "is not a GUID")]
    [InlineData("--version", "1.0", "is not MAJOR.MINOR.PATCH")]
    public async Task PackageScript_InvalidValue_ExitsWith2AndNamesTheOption(string option, string value, string message)
    {
        var arguments = new List<string> { "--app-id", AppId, "--domain", Domain, "--out", _output.FullName, option, value };

        var (exitCode, _, standardError) = await RunScriptAsync([.. arguments]);

        Assert.Equal(2, exitCode);
        Assert.Contains(option, standardError, StringComparison.Ordinal);
        Assert.Contains(message, standardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_output.FullName, "ScreeningBot.Teams.zip")));
    }

    private async Task<string?> PackageAndReadTeamsAppIdAsync(string folder)
    {
        var output = _output.CreateSubdirectory(folder).FullName;
        var (exitCode, _, standardError) = await RunScriptAsync("--app-id", AppId, "--domain", Domain, "--out", output);
        Assert.True(exitCode == 0, $"package.sh failed with {exitCode}: {standardError}");

        using var zip = ZipFile.OpenRead(Path.Combine(output, "ScreeningBot.Teams.zip"));
        using var manifest = JsonDocument.Parse(ReadAllBytes(zip.GetEntry("manifest.json")!));
        return manifest.RootElement.GetProperty("id").GetString();
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraFiles.Root,
        };
        start.ArgumentList.Add(InfraFiles.PathOf("infra/teams/package.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The script reads these as defaults; a developer's own values must not leak into the test.
        foreach (var variable in new[] { "MICROSOFT_APP_ID", "BOT_DOMAIN", "TEAMS_APP_ID", "APP_VERSION", "PUBLISHER_NAME", "PUBLISHER_URL", "PRIVACY_URL", "TERMS_URL", "TEAMS_PACKAGE_OUT" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await standardOutput, await standardError);
    }

    private static byte[] ReadAllBytes(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
