using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// One language the bot interviews in: what it says (<see cref="Texts"/>) and what it understands (yes/no, skip, the
/// candidate commands, numbers and dates). Yes/no, skip and command words also accept English, so a candidate who types
/// "help" or "ok" in a German interview is understood. Immutable and thread-safe; get one from <see cref="CandidateLanguages"/>.
/// </summary>
public sealed class CandidateLanguage
{
    internal CandidateLanguage(LanguageResource resource, CandidateLanguage? english)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var words = resource.Recognition;
        Tag = resource.Language;
        Texts = new CandidateTexts(resource);
        YesWords = Phrases.Set(words.Yes.Concat(english?.YesWords ?? Enumerable.Empty<string>()));
        NoWords = Phrases.Set(words.No.Concat(english?.NoWords ?? Enumerable.Empty<string>()));
        YesFirstWords = Phrases.Set(words.YesFirstWords.Concat(english?.YesFirstWords ?? Enumerable.Empty<string>()));
        NoFirstWords = Phrases.Set(words.NoFirstWords.Concat(english?.NoFirstWords ?? Enumerable.Empty<string>()));
        SkipPhrases = Phrases.Set(words.Skip.Concat(english?.SkipPhrases ?? Enumerable.Empty<string>()));
        var commands = new Dictionary<string, CandidateCommand>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, phrases) in words.Commands)
        {
            var command = Enum.Parse<CandidateCommand>(name, ignoreCase: true);
            foreach (var phrase in phrases)
            {
                commands[Phrases.Key(phrase)] = command;
            }
        }

        foreach (var (phrase, command) in english?.CommandWords ?? new Dictionary<string, CandidateCommand>())
        {
            commands.TryAdd(phrase, command);
        }

        CommandWords = commands;
        Numbers = new NumberGrammar(words.Numbers);
        Dates = new DateGrammar(words.Dates);
    }

    /// <summary>The language's tag as its file is named (<c>en</c>, <c>de</c>, <c>es</c>).</summary>
    public string Tag { get; }

    public CandidateTexts Texts { get; }

    public bool IsEnglish => string.Equals(Tag, "en", StringComparison.Ordinal);

    internal IReadOnlySet<string> YesWords { get; }

    internal IReadOnlySet<string> NoWords { get; }

    internal IReadOnlySet<string> YesFirstWords { get; }

    internal IReadOnlySet<string> NoFirstWords { get; }

    internal IReadOnlySet<string> SkipPhrases { get; }

    internal IReadOnlyDictionary<string, CandidateCommand> CommandWords { get; }

    internal NumberGrammar Numbers { get; }

    internal DateGrammar Dates { get; }

    public override string ToString() => Tag;
}
