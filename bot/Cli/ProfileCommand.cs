using System.CommandLine;
using System.Text;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>profile draft --from FILE --id ID [--out FILE]</c>: drafts a screening profile from a job description with
/// <see cref="ProfileDrafter"/> (no LLM) and writes it, by default to <c>profiles/ID.yaml</c>. The draft always passes
/// validate-profiles and starts with the list of what a person must review. An existing file is never overwritten.
/// </summary>
internal sealed partial class ProfileCommand : ICliCommand
{
    private readonly Option<string> _from = new("--from")
    {
        Description = "The job description: a UTF-8 text file, at most 64 KiB.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string> _id = new("--id")
    {
        Description = "The new profile's id: lowercase words joined by hyphens, such as backend-payments.",
        HelpName = "ID",
        Required = true,
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "Where to write the draft (default: ID.yaml in the profiles folder, Screening:ProfilesPath).",
        HelpName = "FILE",
    };

    public ProfileCommand()
    {
        Draft = new Command("draft", "Drafts a profile from a job description: questions and deep-dives picked from the question bank, knockouts from a shipped profile, everything to review marked at the top.")
        {
            _from, _id, _out,
        };
        Command = new Command("profile", "Works with screening profiles: `profile draft --from jd.txt --id ID` drafts one from a job description.")
        {
            Draft,
        };
    }

    public Command Command { get; }

    /// <summary>The <c>draft</c> subcommand; <see cref="CommandLine"/> gives it the same action as the verb.</summary>
    public Command Draft { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        if (parseResult.CommandResult.Command != Draft)
        {
            throw new CliUsageException("name what to do with profiles: `profile draft --from FILE --id ID`");
        }

        var from = parseResult.GetRequiredValue(_from);
        var id = parseResult.GetRequiredValue(_id);
        if (!IdPattern().IsMatch(id))
        {
            throw new CliUsageException($"--id \"{id}\" is not a profile id; use lowercase words joined by hyphens, such as backend-payments");
        }

        var profilesPath = ValidateProfilesCommand.ResolveDefault(context.Configuration, out var searched);
        if (profilesPath is null || !Directory.Exists(profilesPath))
        {
            await context.Error.WriteLineAsync($"error: the profiles folder was not found (looked in {searched}). Fix: run from the repository root or set Screening:ProfilesPath.");
            return 2;
        }

        var description = await ReadDescriptionAsync(from, context, cancellationToken);
        if (description is null)
        {
            return 2;
        }

        var bank = ProfileLoader.LoadBank(Path.Combine(profilesPath, "bank"));
        var bases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var baseId in (string[])["backend-senior", "backend-mid"])
        {
            bases[baseId] = await File.ReadAllTextAsync(Path.Combine(profilesPath, baseId + ".yaml"), cancellationToken);
        }

        var outPath = parseResult.GetValue(_out) ?? Path.Combine(profilesPath, id + ".yaml");
        if (File.Exists(outPath))
        {
            await context.Error.WriteLineAsync($"error: {outPath} already exists; nothing was written. Fix: pass another --out FILE or --id, or delete the file first.");
            return 2;
        }

        var draft = ProfileDrafter.Draft(description, id, Path.GetFileName(from), bases, bank.Bank);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.WriteAllTextAsync(outPath, draft.Yaml, new UTF8Encoding(false), cancellationToken);
        await context.Output.WriteLineAsync($"wrote {outPath}: a valid draft with deep-dives {string.Join(", ", draft.Blueprints)}.");
        await context.Output.WriteLineAsync("Review before any candidate sees it:");
        foreach (var line in draft.Review)
        {
            await context.Output.WriteLineAsync($"  - {line}");
        }

        return 0;
    }

    private static async Task<string?> ReadDescriptionAsync(string path, CliContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await context.Error.WriteLineAsync($"error: job description '{path}' does not exist. Fix: save the description as a text file and pass its path to --from.");
            return null;
        }

        if (new FileInfo(path).Length > ProfileDrafter.MaxDescriptionCharacters * 4L)
        {
            await context.Error.WriteLineAsync($"error: job description '{path}' is larger than {ProfileDrafter.MaxDescriptionCharacters / 1024} KiB. Fix: pass only the description's text.");
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        if (text.Length > ProfileDrafter.MaxDescriptionCharacters)
        {
            await context.Error.WriteLineAsync($"error: job description '{path}' is longer than {ProfileDrafter.MaxDescriptionCharacters / 1024}K characters. Fix: pass only the description's text.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            await context.Error.WriteLineAsync($"error: job description '{path}' is empty. Fix: paste the description into the file.");
            return null;
        }

        return text;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IdPattern();
}
