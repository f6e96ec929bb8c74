using System.CommandLine;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>validate-profiles [PATH]</c>: loads a profiles directory (every <c>*.yaml</c> plus <c>bank/</c>) or one
/// profile file and prints one line per valid profile and every error of the invalid ones. Exit 0 when all
/// are valid, 1 when any profile or bank file has errors, 2 when PATH does not exist or cannot be read.
/// </summary>
internal sealed class ValidateProfilesCommand : ICliCommand
{
    /// <summary>Configuration key of the profiles directory, relative to the current directory or the bot's binaries.</summary>
    public const string ProfilesPathKey = "Screening:ProfilesPath";

    public const string DefaultProfilesPath = "profiles";

    // Zero or more, so that two paths get the message below rather than the parser's "unexpected argument".
    private readonly Argument<string[]> _paths = new("PATH")
    {
        Description = $"A profiles directory (every <id>.yaml plus bank/) or one profile file; default {ProfilesPathKey} (\"{DefaultProfilesPath}\").",
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "PATH",
    };

    public ValidateProfilesCommand()
    {
        Command = new Command("validate-profiles", $"Checks the screening profiles and question bank in PATH (a directory or one profile file; default {ProfilesPathKey}) and prints every error with its line.")
        {
            _paths,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var paths = parseResult.GetValue(_paths) ?? [];
        if (paths.Length > 1)
        {
            throw new CliUsageException($"expected at most one PATH, got {paths.Length}");
        }

        var requested = paths.Length == 1 ? paths[0] : null;
        var path = requested is null ? ResolveDefault(context.Configuration, out var searched) : Resolve(requested, out searched);
        if (path is null)
        {
            await context.Error.WriteLineAsync($"error: profiles path '{requested ?? context.Configuration[ProfilesPathKey] ?? DefaultProfilesPath}' does not exist (looked in {searched}). Fix: pass a directory of <id>.yaml profiles or one profile file.");
            return 2;
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Directory.Exists(path)
                ? await ValidateDirectoryAsync(path, context.Output)
                : await ValidateFileAsync(path, context.Output, context.Error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot read '{path}' ({e.Message.TrimEnd('.')}). Fix: check the path and that this user may read it.");
            return 2;
        }
    }

    /// <summary>The configured profiles path: absolute, else relative to the current directory, else next to the bot's binaries.</summary>
    internal static string? ResolveDefault(IConfiguration configuration, out string searched)
    {
        var configured = configuration[ProfilesPathKey] is { Length: > 0 } value ? value : DefaultProfilesPath;
        if (Path.IsPathRooted(configured))
        {
            searched = configured;
            return Exists(configured) ? configured : null;
        }

        var inCurrent = Path.GetFullPath(configured);
        var nextToBinary = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, configured));
        searched = $"{inCurrent} and {nextToBinary}";
        return Exists(inCurrent) ? Display(inCurrent) : Exists(nextToBinary) ? Display(nextToBinary) : null;
    }

    private static string? Resolve(string requested, out string searched)
    {
        var full = Path.GetFullPath(requested);
        searched = full;
        return Exists(full) ? Display(full) : null;
    }

    private static bool Exists(string path) => Directory.Exists(path) || File.Exists(path);

    /// <summary>Paths under the current directory are shown relative to it (<c>profiles/x.yaml:12</c>), others in full.</summary>
    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    private static async Task<int> ValidateDirectoryAsync(string directory, TextWriter output)
    {
        var catalog = ProfileCatalog.Load(directory);
        var invalid = await WriteBankAsync(catalog.Bank, catalog.BankErrors, Path.Combine(directory, ProfileCatalog.BankFolderName), output);
        foreach (var result in catalog.Results)
        {
            invalid |= await WriteResultAsync(result, output);
        }

        foreach (var (file, errors) in catalog.Errors.Where(e => e.Key.EndsWith(".yml", StringComparison.Ordinal)))
        {
            await WriteErrorsAsync(file, errors, output);
            invalid = true;
        }

        var bad = catalog.Results.Count(r => !r.IsValid);
        await output.WriteLineAsync($"{catalog.Profiles.Count} valid, {bad} invalid profile(s) in {directory}; bank: {catalog.Bank.Count} blueprint(s)");
        return invalid ? 1 : 0;
    }

    private static async Task<int> ValidateFileAsync(string file, TextWriter output, TextWriter error)
    {
        if (!file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"error: '{file}' is not a .yaml file. Fix: pass a profiles directory or a <id>.yaml profile.");
            return 2;
        }

        var directory = Path.GetDirectoryName(file) is { Length: > 0 } parent ? parent : ".";
        if (string.Equals(Path.GetFileName(directory), ProfileCatalog.BankFolderName, StringComparison.Ordinal))
        {
            // A bank file: check it with its siblings, so ids duplicated across bank files are found too.
            var bankOnly = ProfileLoader.LoadBank(directory);
            var own = bankOnly.Errors.Where(e => string.Equals(e.File, file, StringComparison.Ordinal)).ToArray();
            if (own.Length > 0)
            {
                await WriteErrorsAsync(file, own, output);
                return 1;
            }

            await output.WriteLineAsync($"ok  {file}: bank file; the bank has {bankOnly.Bank.Count} valid blueprint(s)");
            return 0;
        }

        var bank = ProfileLoader.LoadBank(Path.Combine(directory, ProfileCatalog.BankFolderName));
        var invalid = await WriteBankAsync(bank.Bank, bank.Errors, Path.Combine(directory, ProfileCatalog.BankFolderName), output);
        invalid |= await WriteResultAsync(ProfileLoader.LoadFile(file, bank.Bank), output);
        return invalid ? 1 : 0;
    }

    /// <summary>Writes the bank's errors per file; returns true when there were any.</summary>
    private static async Task<bool> WriteBankAsync(QuestionBank bank, IReadOnlyList<ProfileError> errors, string bankDirectory, TextWriter output)
    {
        foreach (var group in errors.GroupBy(e => e.File, StringComparer.Ordinal))
        {
            await WriteErrorsAsync(group.Key, [.. group], output);
        }

        if (errors.Count == 0 && bank.Count > 0)
        {
            await output.WriteLineAsync($"ok  bank  {bankDirectory}: {bank.Count} blueprint(s)");
        }

        return errors.Count > 0;
    }

    /// <summary>Writes one profile's line or its errors; returns true when it is invalid.</summary>
    private static async Task<bool> WriteResultAsync(ProfileLoadResult result, TextWriter output)
    {
        if (result.Profile is { } p)
        {
            await output.WriteLineAsync(
                $"ok  {p.Id}  \"{p.Title}\"  knockouts {p.Knockouts.Count}, questions {p.CustomQuestions.Count}, blueprints {p.Blueprints.Count}, template {p.Template.ToString().ToLowerInvariant()}");
            return false;
        }

        await WriteErrorsAsync(result.File, result.Errors, output);
        return true;
    }

    private static async Task WriteErrorsAsync(string file, IReadOnlyList<ProfileError> errors, TextWriter output)
    {
        await output.WriteLineAsync($"{file} has {errors.Count} error{(errors.Count == 1 ? string.Empty : "s")}:");
        foreach (var error in errors)
        {
            await output.WriteLineAsync($"  {error}");
        }
    }
}
