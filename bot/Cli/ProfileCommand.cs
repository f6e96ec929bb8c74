using System.CommandLine;
using System.Text;
using ScreeningBot.Bot.Drafting;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>profile draft --from FILE --id ID [--out FILE] [--no-llm]</c>: drafts a screening profile from a job description
/// (<see cref="ProfileDraftingService"/>: with the LLM when <c>Judge:Provider</c> names one, else from the question bank)
/// and writes it, by default to <c>profiles/ID.yaml</c>. The draft always passes validate-profiles and starts with the
/// list of what a person must review. An existing file is never overwritten. Prints what it is doing as it goes.
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
        Description = "Where to write the draft (default: ID.yaml in the profiles folder, Screening:ProfilesPath). An existing file is never overwritten.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _noLlm = new("--no-llm")
    {
        Description = "Draft from the question bank only, even when an LLM is configured (Judge:Provider).",
    };

    public ProfileCommand()
    {
        Draft = new Command(
            "draft",
            "Drafts a profile from a job description. With an LLM configured (Judge:Provider AzureOpenAI or OpenAI, as for the LLM judge) the model proposes the brief, skills, competencies, knockouts, questions and bank deep-dives, and every part is checked; without one, deep-dives are picked from the question bank by the skills the description names. The draft always passes validate-profiles, lists what a person must review at the top, and never asks about protected characteristics.")
        {
            _from, _id, _out, _noLlm,
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
        if (!Commands.KebabId.IsValid(id))
        {
            throw new CliUsageException($"--id \"{id}\" is not a profile id; use lowercase words joined by hyphens, such as backend-payments");
        }

        var profilesPath = ValidateProfilesCommand.ResolveDefault(context.Configuration, out var searched);
        if (profilesPath is null || !Directory.Exists(profilesPath))
        {
            await context.Error.WriteLineAsync($"error: the profiles folder was not found (looked in {searched}). Fix: run from the repository root or set Screening:ProfilesPath.");
            return 2;
        }

        var outPath = parseResult.GetValue(_out) ?? Path.Combine(profilesPath, id + ".yaml");
        if (File.Exists(outPath))
        {
            await context.Error.WriteLineAsync($"error: {outPath} already exists; nothing was written. Fix: pass another --out FILE or --id, or delete the file first.");
            return 2;
        }

        var description = await ReadDescriptionAsync(from, context, cancellationToken);
        if (description is null)
        {
            return 2;
        }

        var drafting = ProfileDraftingService.ForCommandLine(context.Configuration, context.Time, useLlm: !parseResult.GetValue(_noLlm), out var problem);
        if (problem is not null)
        {
            await context.Error.WriteLineAsync($"error: the LLM is configured but cannot be used: {problem} Fix: correct the Judge settings, or pass --no-llm to draft from the question bank.");
            return 2;
        }

        await context.Output.WriteLineAsync($"drafting {id} from {from} ({description.Length:N0} characters) with {drafting.Describe}");
        var started = context.Time.GetTimestamp();
        var outcome = await drafting.DraftAsync(description, id, Path.GetFileName(from), new LineProgress(context.Output), cancellationToken);
        if (outcome.Draft is not { } draft)
        {
            await context.Error.WriteLineAsync($"error: {outcome.Error}");
            return 2;
        }

        await context.Output.WriteLineAsync($"validated: the draft passes validate-profiles ({context.Time.GetElapsedTime(started).TotalSeconds:0.0} s)");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await using (var file = new FileStream(outPath, FileMode.CreateNew, FileAccess.Write))
        await using (var writer = new StreamWriter(file, new UTF8Encoding(false)))
        {
            await writer.WriteAsync(draft.Yaml.AsMemory(), cancellationToken);
        }

        await context.Output.WriteLineAsync($"wrote {outPath}: a valid draft by {draft.Source}, from {draft.BaseId}, with deep-dives {string.Join(", ", draft.Blueprints)}.");
        await context.Output.WriteLineAsync("Review before any candidate sees it (also listed at the top of the file):");
        foreach (var line in draft.Review)
        {
            await context.Output.WriteLineAsync($"  - {line}");
        }

        await context.Output.WriteLineAsync("Then: dotnet run --project bot -- validate-profiles, and restart the bot to offer the profile.");
        return 0;
    }

    /// <summary>Progress as indented lines, written as they come.</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine("  " + value);
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
}
