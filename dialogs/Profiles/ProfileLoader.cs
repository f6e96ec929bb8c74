using System.Text;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Loads profiles and the question bank from YAML. Bad content never throws: every problem of a file is
/// collected as a <see cref="ProfileError"/> (file, line, field path, message, fix) and a profile is returned
/// only when it has none. Files larger than 256 KiB, aliases, deep nesting and oversized fields are refused.
/// Thread-safe (no shared state).
/// </summary>
public static class ProfileLoader
{
    /// <summary>Largest profile or bank file accepted, in bytes.</summary>
    public const int MaxFileBytes = ProfileLimits.MaxFileBytes;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads one profile file, resolving <c>ref:</c> blueprints against <paramref name="bank"/>.</summary>
    /// <remarks>An unreadable, missing, oversized or non-UTF-8 file gives one file-level error (line 0).</remarks>
    public static ProfileLoadResult LoadFile(string path, QuestionBank bank)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(bank);
        return TryReadText(path, out var text, out var error)
            ? Parse(text, path, bank)
            : new ProfileLoadResult(path, null, [error]);
    }

    /// <summary>
    /// Parses profile YAML. <paramref name="file"/> names the file in errors, sets <see cref="Profile.SourcePath"/>,
    /// and its name without extension is the id the profile must have.
    /// </summary>
    public static ProfileLoadResult Parse(string yaml, string file, QuestionBank bank)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(bank);
        var context = new YamlReadContext(file);
        if (yaml.Length > MaxFileBytes)
        {
            context.Error(0, string.Empty, $"the profile is {yaml.Length / 1024:N0} KiB; the limit is {MaxFileBytes / 1024} KiB", "move blueprints to profiles/bank and reference them with `- ref: <id>`");
            return new ProfileLoadResult(file, null, context.Errors);
        }

        var text = NormaliseLineEndings(yaml);
        var root = YamlDocumentReader.ReadRootMapping(text, context, "write the profile's fields (id, title, jobFamily, brief, …) as `name: value` lines");
        if (root is null)
        {
            return new ProfileLoadResult(file, null, context.Errors);
        }

        var document = ProfileReader.Read(root, context, bank);
        ProfileValidator.Validate(document, context, Path.GetFileNameWithoutExtension(file));
        if (context.HasErrors)
        {
            return new ProfileLoadResult(file, null, [.. context.Errors.OrderBy(e => e.Line)]);
        }

        var bankEntries = document.BlueprintOrigins
            .Where(o => o.BankId is not null)
            .Select(o => (o.BankId!, bank.CanonicalText(o.BankId!)));
        var profile = document.Profile with
        {
            ContentHash = ProfileContentHash.Compute(text, bankEntries),
            SourcePath = file,
        };
        return new ProfileLoadResult(file, profile, []);
    }

    /// <summary>
    /// Loads every <c>*.yaml</c> file directly in <paramref name="directory"/> as bank files. A missing directory
    /// gives an empty bank without errors (profiles then cannot use <c>ref:</c>).
    /// </summary>
    public static QuestionBankLoadResult LoadBank(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return new QuestionBankLoadResult(QuestionBank.Empty, [], []);
        }

        var files = new List<(string, string)>();
        var errors = new List<ProfileError>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (TryReadText(path, out var text, out var error))
            {
                files.Add((path, NormaliseLineEndings(text)));
            }
            else
            {
                errors.Add(error);
            }
        }

        return QuestionBankReader.Read(files, errors);
    }

    /// <summary>Parses bank files given as text (file name for errors, YAML).</summary>
    public static QuestionBankLoadResult ParseBank(IEnumerable<(string File, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        var tooLarge = list.Where(f => f.Yaml.Length > MaxFileBytes)
            .Select(f => new ProfileError(f.File, 0, string.Empty, $"the bank file is {f.Yaml.Length / 1024:N0} KiB; the limit is {MaxFileBytes / 1024} KiB", "split it into several topic files"))
            .ToArray();
        return QuestionBankReader.Read(list.Where(f => f.Yaml.Length <= MaxFileBytes).Select(f => (f.File, NormaliseLineEndings(f.Yaml))), tooLarge);
    }

    /// <summary>Reads a YAML file as strict UTF-8 within the size limit; otherwise one file-level error.</summary>
    internal static bool TryReadText(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProfileError? error)
    {
        text = string.Empty;
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = new ProfileError(path, 0, string.Empty, "the file does not exist", "check the path");
                return false;
            }

            if (info.Length > MaxFileBytes)
            {
                error = new ProfileError(path, 0, string.Empty, $"the file is {info.Length / 1024:N0} KiB; the limit is {MaxFileBytes / 1024} KiB", "move blueprints to profiles/bank and reference them with `- ref: <id>`, or split the bank file by topic");
                return false;
            }

            text = StrictUtf8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = new ProfileError(path, 0, string.Empty, "the file is not valid UTF-8 text", "save the file as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new ProfileError(path, 0, string.Empty, $"the file cannot be read ({e.Message.TrimEnd('.')})", "check that the file exists and the bot's user may read it");
        }

        return false;
    }

    internal static string NormaliseLineEndings(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
