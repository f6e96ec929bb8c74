using ScreeningBot.Dialogs.Profiles;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Profiles;

public sealed class ProfileCatalogTests
{
    [Fact]
    public void Load_DirectoryWithValidAndInvalidProfiles_KeepsOnlyValidOnesAndReportsTheRest()
    {
        using var directory = new TempDirectory();
        directory.Write("sample.yaml", Valid.Replace("rubric:\n", "  - ref: api-versioning\nrubric:\n"));
        var broken = directory.Write("broken.yaml", Valid.Replace("id: sample", "id: broken").Replace("durationMinutes: 30", "durationMinutes: 1"));
        directory.Write("bank/api.yaml", Bank);

        var sut = ProfileCatalog.Load(directory.Path);

        Assert.Equal(["sample"], sut.Profiles.Select(p => p.Id));
        Assert.Equal(2, sut.Bank.Count);
        Assert.Equal("api-versioning", sut.Get("sample").Blueprints[1].BankId);
        Assert.True(sut.HasErrors);
        var errors = Assert.Single(sut.Errors);
        Assert.Equal(broken, errors.Key);
        Assert.Equal("durationMinutes", Assert.Single(errors.Value).Field);
        Assert.Equal(2, sut.Results.Count);
    }

    [Fact]
    public void TryGet_KnownAndUnknownIds_ReturnsWhetherFound()
    {
        var sut = CreateSut();

        Assert.True(sut.TryGet("sample", out var profile));
        Assert.Equal("sample", profile.Id);
        Assert.False(sut.TryGet("nope", out _));
    }

    [Fact]
    public void Get_UnknownId_ThrowsListingTheAvailableIds()
    {
        var sut = CreateSut();

        var e = Assert.Throws<KeyNotFoundException>(() => sut.Get("backend-junior"));

        Assert.Equal("No valid profile has the id 'backend-junior'. Available: sample.", e.Message);
    }

    [Fact]
    public void Get_IdOfAnInvalidFile_IncludesItsErrors()
    {
        using var directory = new TempDirectory();
        directory.Write("sample.yaml", Valid.Replace("template: quick", "template: slow"));

        var sut = ProfileCatalog.Load(directory.Path);

        var e = Assert.Throws<KeyNotFoundException>(() => sut.Get("sample"));
        Assert.Contains("Available: none.", e.Message, StringComparison.Ordinal);
        Assert.Contains("has 1 error(s): ", e.Message, StringComparison.Ordinal);
        Assert.Contains("template: \"slow\" is not a known template", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YmlFile_IsReportedAsIgnored()
    {
        using var directory = new TempDirectory();
        var yml = directory.Write("other.yml", "id: other\n");

        var sut = ProfileCatalog.Load(directory.Path);

        var error = Assert.Single(sut.Errors[yml]);
        Assert.Equal("rename it to other.yaml", error.Fix);
    }

    [Fact]
    public void Load_BankErrors_AreReportedPerBankFile()
    {
        using var directory = new TempDirectory();
        var bankFile = directory.Write("bank/api.yaml", Bank.Replace("    text: How do you version an API?\n", string.Empty));

        var sut = ProfileCatalog.Load(directory.Path);

        Assert.Equal("blueprints[1].text", Assert.Single(sut.Errors[bankFile]).Field);
        Assert.Single(sut.BankErrors);
        Assert.Equal(["rate-limits"], sut.Bank.Ids);
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsNamingItAndTheSetting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-profiles-{Guid.NewGuid():N}");

        var e = Assert.Throws<DirectoryNotFoundException>(() => ProfileCatalog.Load(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("Screening:ProfilesPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_UsesTheCatalogsBank()
    {
        using var directory = new TempDirectory();
        directory.Write("bank/api.yaml", Bank);
        var extra = directory.Write("elsewhere/sample.yaml", Valid.Replace("rubric:\n", "  - ref: rate-limits\n    skills: [api-design]\nrubric:\n"));

        var sut = ProfileCatalog.Load(directory.Path);

        var result = sut.LoadFile(extra);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal("rate-limits", result.Profile.Blueprints[1].BankId);
        Assert.Empty(sut.Profiles);
    }

    [Fact]
    public void FromProfiles_DuplicateIds_Throw()
    {
        var profile = Parse(Valid).Profile!;

        var e = Assert.Throws<ArgumentException>(() => ProfileCatalog.FromProfiles([profile, profile]));

        Assert.Equal("profiles", e.ParamName);
    }

    private static ProfileCatalog CreateSut() => ProfileCatalog.FromProfiles([Parse(Valid).Profile!]);
}
