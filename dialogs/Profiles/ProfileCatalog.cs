using System.Diagnostics.CodeAnalysis;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Every screening profile of a directory: each <c>*.yaml</c> directly in it, with blueprints resolved against
/// the question bank in <c>&lt;directory&gt;/bank/</c>. Invalid profiles are left out of <see cref="Profiles"/>
/// and their errors are kept per file in <see cref="Errors"/>. Immutable once loaded and safe to share.
/// </summary>
public sealed class ProfileCatalog : IProfileSource
{
    /// <summary>Name of the bank folder inside the profiles directory.</summary>
    public const string BankFolderName = "bank";

    private readonly Dictionary<string, Profile> _byId;

    private ProfileCatalog(string directory, QuestionBankLoadResult bank, IReadOnlyList<ProfileLoadResult> results, IReadOnlyList<ProfileError> otherErrors)
    {
        Directory = directory;
        Bank = bank.Bank;
        BankErrors = bank.Errors;
        Results = results;
        Profiles = [.. results.Where(r => r.IsValid).Select(r => r.Profile!).OrderBy(p => p.Id, StringComparer.Ordinal)];
        _byId = Profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Errors = bank.Errors.Concat(results.SelectMany(r => r.Errors)).Concat(otherErrors)
            .GroupBy(e => e.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ProfileError>)[.. g], StringComparer.Ordinal);
    }

    /// <summary>The directory the profiles came from, as given to <see cref="Load"/>; empty for <see cref="FromProfiles"/>.</summary>
    public string Directory { get; }

    /// <summary>The valid profiles, ordered by id.</summary>
    public IReadOnlyList<Profile> Profiles { get; }

    public QuestionBank Bank { get; }

    /// <summary>Errors of the bank files (entries with errors are not in <see cref="Bank"/>).</summary>
    public IReadOnlyList<ProfileError> BankErrors { get; }

    /// <summary>One result per profile file, in file-name order.</summary>
    public IReadOnlyList<ProfileLoadResult> Results { get; }

    /// <summary>Errors by file (profiles and bank files); files without errors are absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ProfileError>> Errors { get; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Loads a profiles directory and its bank.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static ProfileCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The profiles directory '{directory}' does not exist. Set Screening:ProfilesPath to a folder of <id>.yaml profiles.");
        }

        var bank = ProfileLoader.LoadBank(Path.Combine(directory, BankFolderName));
        var results = System.IO.Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => ProfileLoader.LoadFile(path, bank.Bank))
            .ToArray();
        var misnamed = System.IO.Directory.EnumerateFiles(directory, "*.yml")
            .Order(StringComparer.Ordinal)
            .Select(path => new ProfileError(path, 0, string.Empty, "profiles must end in .yaml, so this file is ignored", $"rename it to {Path.GetFileNameWithoutExtension(path)}.yaml"))
            .ToArray();
        return new ProfileCatalog(directory, bank, results, misnamed);
    }

    /// <summary>A catalog of profiles built in code (tests, tools), with an optional bank.</summary>
    public static ProfileCatalog FromProfiles(IEnumerable<Profile> profiles, QuestionBank? bank = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var results = profiles.Select(p => new ProfileLoadResult(p.SourcePath, p, [])).ToArray();
        var duplicate = results.GroupBy(r => r.Profile!.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two profiles have the id '{duplicate.Key}'.", nameof(profiles));
        }

        return new ProfileCatalog(string.Empty, new QuestionBankLoadResult(bank ?? QuestionBank.Empty, [], []), results, []);
    }

    public bool TryGet(string profileId, [MaybeNullWhen(false)] out Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profileId);
        return _byId.TryGetValue(profileId, out profile);
    }

    /// <summary>The profile with <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No valid profile has that id; the message lists the available ids and, when the file exists but is invalid, its errors.</exception>
    public Profile Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_byId.TryGetValue(id, out var profile))
        {
            return profile;
        }

        var available = Profiles.Count == 0 ? "none" : string.Join(", ", Profiles.Select(p => p.Id));
        var failed = Results.FirstOrDefault(r => !r.IsValid && string.Equals(Path.GetFileNameWithoutExtension(r.File), id, StringComparison.Ordinal));
        var reason = failed is null
            ? string.Empty
            : $" {failed.File} has {failed.Errors.Count} error(s): {string.Join(" | ", failed.Errors.Take(5))}";
        throw new KeyNotFoundException($"No valid profile has the id '{id}'. Available: {available}.{reason}");
    }

    /// <summary>Loads one more profile file against this catalog's bank (the catalog itself does not change).</summary>
    public ProfileLoadResult LoadFile(string path) => ProfileLoader.LoadFile(path, Bank);
}
