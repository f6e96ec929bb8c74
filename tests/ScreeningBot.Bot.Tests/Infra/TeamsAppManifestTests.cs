using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.Tests.Infra;

/// <summary>infra/teams/manifest.json against what the bot implements and what Teams accepts.</summary>
public sealed class TeamsAppManifestTests
{
    private const string ManifestPath = "infra/teams/manifest.json";

    // Limits from the Teams app manifest schema (v1.24).
    private const int MaxCommandTitle = 32;
    private const int MaxCommandDescription = 128;
    private const int MaxCommandsPerList = 12;

    [Fact]
    public void Schema_Version_Is124()
    {
        using var sut = LoadManifest();

        Assert.Equal("1.24", sut.RootElement.GetProperty("manifestVersion").GetString());
        Assert.Equal(
            "https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json",
            sut.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Bot_Scopes_IncludePersonalAndTeam()
    {
        using var sut = LoadManifest();

        var bot = Assert.Single(sut.RootElement.GetProperty("bots").EnumerateArray());
        var scopes = Strings(bot.GetProperty("scopes"));
        Assert.Contains("personal", scopes);
        Assert.Contains("team", scopes);
        Assert.All(scopes, scope => Assert.Contains(scope, new[] { "personal", "team", "groupChat" }));
        Assert.False(bot.GetProperty("isNotificationOnly").GetBoolean());
    }

    [Fact]
    public void CommandLists_EveryCommand_IsAKnownVerbWithinTeamsLimits()
    {
        using var sut = LoadManifest();

        var bot = sut.RootElement.GetProperty("bots")[0];
        var botScopes = Strings(bot.GetProperty("scopes"));
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            Assert.All(Strings(list.GetProperty("scopes")), scope => Assert.Contains(scope, botScopes));
            var commands = list.GetProperty("commands").EnumerateArray().ToList();
            Assert.InRange(commands.Count, 1, MaxCommandsPerList);
            var titles = commands.Select(command => command.GetProperty("title").GetString() ?? "").ToList();
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            foreach (var command in commands)
            {
                var title = command.GetProperty("title").GetString() ?? "";
                var description = command.GetProperty("description").GetString() ?? "";
                Assert.True(
                    ManifestExpectations.CommandVerbs.Contains(title),
                    $"Teams command '{title}' is not a verb the command parser knows ({string.Join(", ", ManifestExpectations.CommandVerbs)}).");
                Assert.InRange(title.Length, 1, MaxCommandTitle);
                Assert.InRange(description.Length, 1, MaxCommandDescription);
            }
        }
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("team")]
    public void CommandLists_RecruiterVerbs_AreOfferedInScope(string scope)
    {
        using var sut = LoadManifest();

        var offered = sut.RootElement.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .Where(list => Strings(list.GetProperty("scopes")).Contains(scope))
            .SelectMany(list => list.GetProperty("commands").EnumerateArray())
            .Select(command => command.GetProperty("title").GetString())
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string?>(StringComparer.Ordinal) { "screen", "status", "help", "profiles" }, offered);
    }

    [Fact]
    public void Texts_Lengths_AreWithinTeamsLimits()
    {
        using var sut = LoadManifest();
        var root = sut.RootElement;

        Assert.InRange(root.GetProperty("name").GetProperty("short").GetString()!.Length, 1, 30);
        Assert.InRange(root.GetProperty("name").GetProperty("full").GetString()!.Length, 1, 100);
        Assert.InRange(root.GetProperty("description").GetProperty("short").GetString()!.Length, 1, 80);
        Assert.InRange(root.GetProperty("description").GetProperty("full").GetString()!.Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", root.GetProperty("accentColor").GetString());
    }

    [Fact]
    public void ValidDomains_Entries_AreOnlyTheBotDomain()
    {
        using var sut = LoadManifest();

        var domain = Assert.Single(Strings(sut.RootElement.GetProperty("validDomains")));
        Assert.Equal(ManifestExpectations.DomainPlaceholder, domain);
    }

    [Theory]
    [InlineData("color", 192, 192)]
    [InlineData("outline", 32, 32)]
    public void Icons_Files_ArePngsOfTheSizeTeamsRequires(string icon, int width, int height)
    {
        using var sut = LoadManifest();

        var fileName = sut.RootElement.GetProperty("icons").GetProperty(icon).GetString()!;
        var bytes = File.ReadAllBytes(InfraFiles.PathOf($"infra/teams/{fileName}"));

        // PNG signature, then the IHDR chunk: length, "IHDR", width, height, bit depth, colour type.
        Assert.True(bytes.Length > 33, $"{fileName} is too short to be a PNG.");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        // Colour type 6 = RGBA: the outline icon needs its transparent background.
        Assert.Equal(6, bytes[25]);
    }

    [Fact]
    public void BotId_AppIdPlaceholder_IsTheOnePackagingDeploymentAndGuideUse()
    {
        using var sut = LoadManifest();

        var botId = sut.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString();
        Assert.Equal(ManifestExpectations.AppIdPlaceholder, botId);

        var variable = ManifestExpectations.AppIdPlaceholder.Trim('{', '}');
        Assert.Contains($"\"{variable}\": app_id", InfraFiles.ReadText("infra/teams/package.sh"), StringComparison.Ordinal);
        Assert.Contains($"readEnvironmentVariable('{variable}'", InfraFiles.ReadText("infra/main.bicepparam"), StringComparison.Ordinal);
        var bicep = InfraFiles.ReadText("infra/main.bicep");
        Assert.Contains("param microsoftAppId string", bicep, StringComparison.Ordinal);
        Assert.Contains("output microsoftAppId string", bicep, StringComparison.Ordinal);
        Assert.Contains(ManifestExpectations.AppIdPlaceholder, bicep, StringComparison.Ordinal);
        var guide = InfraFiles.ReadText("infra/README.md");
        Assert.Contains(ManifestExpectations.AppIdPlaceholder, guide, StringComparison.Ordinal);
        Assert.Contains(variable, guide.Replace(ManifestExpectations.AppIdPlaceholder, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_Every_IsFilledByThePackageScript()
    {
        var manifest = InfraFiles.ReadText(ManifestPath);
        var script = InfraFiles.ReadText("infra/teams/package.sh");

        var placeholders = Regex.Matches(manifest, @"\{\{([A-Z_]+)\}\}").Select(match => match.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, name => Assert.Contains($"\"{name}\":", script, StringComparison.Ordinal));
    }

    private static JsonDocument LoadManifest() => JsonDocument.Parse(InfraFiles.ReadText(ManifestPath));

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(element => element.GetString() ?? "").ToList();
}
