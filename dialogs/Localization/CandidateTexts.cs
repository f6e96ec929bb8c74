using System.Globalization;
using System.Text;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// Everything the bot says to a candidate outside the profile's own questions, in one language, from its file under
/// <c>dialogs/Localization/Texts/</c>. One method per message, so callers cannot misspell a key or forget a placeholder.
/// </summary>
public sealed class CandidateTexts
{
    private const string PagePrefix = "page.";

    private readonly LanguageResource _resource;
    private readonly Dictionary<string, string> _messages;
    private readonly FormatResource _format;
    private readonly CandidateTexts?[] _toned;

    internal CandidateTexts(LanguageResource resource)
        : this(resource, BotTone.Warm, new CandidateTexts?[Enum.GetValues<BotTone>().Length])
    {
    }

    private CandidateTexts(LanguageResource resource, BotTone tone, CandidateTexts?[] toned)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _resource = resource;
        _messages = resource.Messages;
        _format = resource.Format;
        _toned = toned;
        Tone = tone;
        YesNoChoices = [new(Get("yes"), "yes"), new(Get("no"), "no")];
        Page = _messages.Where(m => m.Key.StartsWith(PagePrefix, StringComparison.Ordinal)).ToDictionary(m => m.Key[PagePrefix.Length..], m => m.Value, StringComparer.Ordinal);
        WithdrawChoices = [new(Get("withdrawYes"), "yes"), new(Get("withdrawNo"), "no")];
        SexChoices =
        [
            new(Get("selfIdFemale"), nameof(SexCategory.Female)),
            new(Get("selfIdMale"), nameof(SexCategory.Male)),
            new(Get("selfIdAnotherGender"), nameof(SexCategory.AnotherGender)),
            new(Get("selfIdPreferNotToSay"), nameof(SexCategory.PreferNotToSay)),
        ];
        RaceEthnicityChoices =
        [
            new(Get("selfIdHispanicOrLatino"), nameof(RaceEthnicityCategory.HispanicOrLatino)),
            new(Get("selfIdWhite"), nameof(RaceEthnicityCategory.White)),
            new(Get("selfIdBlack"), nameof(RaceEthnicityCategory.BlackOrAfricanAmerican)),
            new(Get("selfIdAsian"), nameof(RaceEthnicityCategory.Asian)),
            new(Get("selfIdPacificIslander"), nameof(RaceEthnicityCategory.NativeHawaiianOrPacificIslander)),
            new(Get("selfIdAmericanIndian"), nameof(RaceEthnicityCategory.AmericanIndianOrAlaskaNative)),
            new(Get("selfIdTwoOrMore"), nameof(RaceEthnicityCategory.TwoOrMoreRaces)),
            new(Get("selfIdPreferNotToSay"), nameof(RaceEthnicityCategory.PreferNotToSay)),
        ];
    }

    /// <summary>The interview link page's own words (messages <c>page.*</c>, keyed without the prefix): headings, buttons, status lines.</summary>
    public IReadOnlyDictionary<string, string> Page { get; }

    /// <summary>Which wording the messages that have variants use (<c>&lt;key&gt;~neutral</c>, <c>&lt;key&gt;~concise</c>).</summary>
    public BotTone Tone { get; }

    public IReadOnlyList<Choice> YesNoChoices { get; }

    public IReadOnlyList<Choice> WithdrawChoices { get; }

    /// <summary>The optional self-identification's gender options, valued by <see cref="SexCategory"/> name.</summary>
    public IReadOnlyList<Choice> SexChoices { get; }

    /// <summary>The optional self-identification's race/ethnicity options, valued by <see cref="RaceEthnicityCategory"/> name.</summary>
    public IReadOnlyList<Choice> RaceEthnicityChoices { get; }

    public string SelfIdIntro => Get("selfIdIntro");

    public string SelfIdSex => Get("selfIdSex");

    public string SelfIdRace => Get("selfIdRace");

    public string SelfIdThanks => Get("selfIdThanks");

    public string Commands => Get("commands");

    public string KnockoutNotSkippable => Get("knockoutNotSkippable");

    public string ConsentQuestion => Get("consentQuestion");

    public string ConsentGiven => Get("consentGiven");

    public string ConsentDeclined => Get("consentDeclined");

    /// <summary>Sent when the candidate asks for a person instead (<c>human</c>, <c>opt out</c>).</summary>
    public string OptedOut => Get("optedOut");

    public string KnockoutIntro => Get("knockoutIntro");

    public string KnockedOut => Get("knockedOut");

    public string BlueprintIntro => Get("blueprintIntro");

    public string Resumed => Get("resumed");

    public string NotPaused => Get("notPaused");

    /// <summary>Sent with the pending question again when a message crossed it (written before the question reached the candidate).</summary>
    public string AnswerCrossed => Get("answerCrossed");

    public string NoOpenQuestion => Get("noOpenQuestion");

    public string WithdrawQuestion => Get("withdrawQuestion");

    public string Withdrawn => Get("withdrawn");

    public string WithdrawCancelled => Get("withdrawCancelled");

    public string Expired => Get("expired");

    public string AlreadyEnded => Get("alreadyEnded");

    public string ProfileChanged => Get("profileChanged");

    /// <summary>Sent to the candidate when a recruiter cancels the screen (for the host's cancel command).</summary>
    public string ClosedByTeam => Get("closedByTeam");

    /// <summary>A button of an earlier question was clicked (for the host's stale-click check).</summary>
    public string StaleClick => Get("staleClick");

    public string TextEmpty => Get("textEmpty");

    public string YesNoExpected => Get("yesNoExpected");

    /// <remarks>
    /// Only the profile's <see cref="Profile.Brief"/> is shown: <see cref="Profile.CompanyInstructions"/> is guidance for the
    /// bot and the LLM (what it may discuss), written to the bot, not to the candidate.
    /// </remarks>
    public string Welcome(Profile profile, string? firstName, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Format("welcome",
            ("greeting", Greeting(firstName)),
            ("title", profile.Title),
            ("brief", profile.Brief.Trim()),
            ("duration", Duration(TimeSpan.FromMinutes(profile.DurationMinutes), precision: 1)),
            ("openUntil", OpenUntil(expiresAt, now)),
            ("commands", Commands));
    }

    /// <summary>
    /// The notice before the first question (issue 18): that an automated system asks, scores and summarises, what is kept and
    /// for how long (<paramref name="retentionDays"/>), that people decide, how to ask for a person, and how to ask for one's
    /// data; with the employer's privacy notice when <paramref name="privacyUrl"/> is set.
    /// </summary>
    public string Notice(int retentionDays, Uri? privacyUrl)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retentionDays);
        return Format("notice",
            ("retention", Duration(TimeSpan.FromDays(retentionDays), precision: 1)),
            ("privacy", privacyUrl is null ? string.Empty : Format("privacyLink", ("url", privacyUrl.AbsoluteUri))));
    }

    /// <summary>
    /// When the screen closes, the same way everywhere (welcome, help, pause): the date and time in UTC and what is left,
    /// to the minute, in days rather than weeks ("until Monday 30 November at 09:00 UTC, 6 days, 23 hours from now").
    /// </summary>
    public string OpenUntil(DateTimeOffset expiresAt, DateTimeOffset now)
    {
        // To the nearest minute: the welcome is written a few milliseconds after the expiry is set, and "7 days" must not
        // read "6 days, 23 hours".
        var left = TimeSpan.FromMinutes(Math.Round((expiresAt - now).TotalMinutes));
        var remaining = left < TimeSpan.FromMinutes(1) ? Get("lessThanAMinute") : Duration(left, precision: 2);
        var at = expiresAt.UtcDateTime;
        return Format("openUntil",
            ("weekday", _format.Weekdays[(int)at.DayOfWeek]),
            ("day", at.Day.ToString(CultureInfo.InvariantCulture)),
            ("month", _format.Months[at.Month - 1]),
            ("time", at.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ("remaining", remaining));
    }

    public string CustomIntro(int count) => Counted("customIntro", count);

    public string CustomQuestion(int index, int count, string text) =>
        Format("customQuestion", ("index", Digits(index)), ("count", Digits(count)), ("text", text));

    public string BlueprintQuestion(int index, int count, string text) =>
        count == 1
            ? Format("blueprintQuestionSingle", ("text", text))
            : Format("blueprintQuestion", ("index", Digits(index)), ("count", Digits(count)), ("text", text));

    public string BlueprintFollowUp(int index, int count, string text) =>
        Format("blueprintFollowUp", ("index", Digits(index)), ("count", Digits(count)), ("text", text));

    /// <summary>A blueprint's pressure test: the same numbering as its other follow-ups, announced as a new scenario.</summary>
    public string BlueprintPressureTest(int index, int count, string text) =>
        Format("blueprintPressureTest", ("index", Digits(index)), ("count", Digits(count)), ("text", text));

    /// <summary>A custom question's pressure test, asked after a good answer.</summary>
    public string PressureTest(string text) => Format("pressureTest", ("text", text));

    /// <summary>The language part's intro when it switches to <paramref name="languageTag"/>.</summary>
    public string LanguageIntro(string languageTag, int count) => Counted("languageIntro", count, ("language", LanguageName(languageTag)));

    /// <summary>The language part's intro when it stays in the interview's language: the candidate is told their writing is assessed.</summary>
    public string LanguageCheckIntro(string languageTag, int count) => Counted("languageCheckIntro", count, ("language", LanguageName(languageTag)));

    /// <summary>The name of the language <paramref name="tag"/> in this language ("German", "Deutsch", "alemán"); the tag itself when unknown.</summary>
    public string LanguageName(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return _format.LanguageNames.TryGetValue(primary, out var name) ? name : tag;
    }

    public string Closing(string? firstName) =>
        string.IsNullOrWhiteSpace(firstName) ? Get("closingUnnamed") : Format("closing", ("firstName", firstName));

    public string Help(DateTimeOffset expiresAt, DateTimeOffset now) => Format("help", ("openUntil", OpenUntil(expiresAt, now)));

    public string Paused(DateTimeOffset expiresAt, DateTimeOffset now) => Format("paused", ("openUntil", OpenUntil(expiresAt, now)));

    public string TooLong(int length, int max) => Format("tooLong", ("length", Digits(length)), ("max", Digits(max)));

    /// <summary>Generic wording for an adaptive follow-up probing <paramref name="focus"/> (a signal name or a knowledge area).</summary>
    public string FollowUp(string focus)
    {
        ArgumentNullException.ThrowIfNull(focus);
        return focus.ToLowerInvariant() switch
        {
            FollowUpPlanner.Metrics => Get("followUp.metrics"),
            FollowUpPlanner.Tradeoffs => Get("followUp.tradeoffs"),
            FollowUpPlanner.Ownership => Get("followUp.ownership"),
            FollowUpPlanner.Example => Get("followUp.example"),
            FollowUpPlanner.FailureModes => Get("followUp.failureModes"),
            _ => Format("followUp.other", ("focus", focus)),
        };
    }

    public string ChoiceExpected(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var options = string.Join(", ", choices.Select((c, i) => $"{Digits(i + 1)}. {c.Title}"));
        return Format("choiceExpected", ("options", options));
    }

    public string NumberExpected(string? unit) =>
        unit is null ? Get("numberExpected") : Format("numberExpectedUnit", ("unit", unit));

    public string NumberNegative(string? unit) => Format("numberNegative", ("expected", NumberExpected(unit)));

    public string NumberOutOfRange(decimal? min, decimal? max, string? unit)
    {
        var suffix = unit is null ? string.Empty : "Unit";
        var values = new List<(string, string)>();
        if (unit is not null)
        {
            values.Add(("unit", unit));
        }

        if (min is { } lo)
        {
            values.Add(("min", Number(lo)));
        }

        if (max is { } hi)
        {
            values.Add(("max", Number(hi)));
        }

        var key = (min, max) switch
        {
            ({ }, { }) => "numberBetween",
            ({ }, null) => "numberAtLeast",
            _ => "numberAtMost",
        };
        return Format(key + suffix, [.. values]);
    }

    /// <summary>Example answers for a date question asked on <paramref name="today"/>, computed so they are never in the past.</summary>
    public string DateExamples(DateOnly today)
    {
        var example = today.AddDays(42);
        return Format("dateExamples", ("iso", Iso(example)), ("written", WrittenDate(example)));
    }

    public string DateHint(DateOnly today) => Format("dateHint", ("examples", DateExamples(today)));

    public string DateExpected(DateOnly today) => Format("dateExpected", ("examples", DateExamples(today)));

    /// <summary>A slash date both of whose readings are valid, with both readings of the candidate's own date.</summary>
    public string DateAmbiguous(string text, DateOnly first, DateOnly second) =>
        Format("dateAmbiguous",
            ("text", text),
            ("first", WrittenDate(first)),
            ("second", WrittenDate(second)),
            ("year", first.Year.ToString(CultureInfo.InvariantCulture)),
            ("iso", Iso(first)));

    /// <summary>A day and month as written in a sentence ("17 June", "17. Juni", "17 de junio").</summary>
    public string WrittenDate(DateOnly date) =>
        Format("writtenDate", ("day", date.Day.ToString(CultureInfo.InvariantCulture)), ("month", _format.Months[date.Month - 1]));

    /// <summary>A count in words where the language spells it out ("four", "vier", "cuatro"), else in digits.</summary>
    public string CountWords(int count) =>
        count >= 0 && count < _format.Cardinals.Count ? _format.Cardinals[count] : Digits(count);

    /// <summary>An integer with the language's digit grouping ("12,345", "12.345").</summary>
    public string Digits(long value)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(digits.Length + 8);
        if (value < 0)
        {
            builder.Append('-');
        }

        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append(_format.GroupSeparator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    /// <summary>A number with up to two decimals and the language's decimal separator ("4.5", "4,5").</summary>
    public string Number(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace(".", _format.DecimalSeparator, StringComparison.Ordinal);

    /// <summary>
    /// A duration in days, hours and minutes, the <paramref name="precision"/> largest units that are not zero, joined
    /// the language's way ("6 days, 23 hours", "6 Tage und 23 Stunden"); the same as Humanizer's English for these units.
    /// </summary>
    public string Duration(TimeSpan duration, int precision)
    {
        var parts = new (long Count, string Key)[]
        {
            ((long)duration.TotalDays, "days"),
            (duration.Hours, "hours"),
            (duration.Minutes, "minutes"),
        }.Where(p => p.Count > 0).Take(precision).Select(p => Format($"{p.Key}.{(p.Count == 1 ? "one" : "other")}", ("count", Digits(p.Count)))).ToArray();
        return parts.Length switch
        {
            0 => Format("minutes.other", ("count", Digits(0))),
            1 => parts[0],
            _ => string.Join(_format.ListSeparator, parts[..^1]) + _format.ListLastSeparator + parts[^1],
        };
    }

    /// <summary>The same language in <paramref name="tone"/>'s wording; one instance per tone and language, shared.</summary>
    public CandidateTexts WithTone(BotTone tone)
    {
        if (tone == Tone)
        {
            return this;
        }

        var index = (int)tone;
        return _toned[index] ??= new CandidateTexts(_resource, tone, _toned);
    }

    /// <summary>
    /// The message that tells the candidate the planned time (<paramref name="planned"/>) is used up and the remaining
    /// questions are left out (see <c>InterviewClock</c>).
    /// </summary>
    public string TimeWrapUp(TimeSpan planned) => Format("timeWrapUp", ("duration", Duration(planned, precision: 2)));

    internal string Get(string key) => TextTemplate.Format(key, Template(key), []);

    /// <summary>The template of <paramref name="key"/> in this tone: its <c>~tone</c> variant when the file has one.</summary>
    private string Template(string key) =>
        Tone != BotTone.Warm && _messages.TryGetValue($"{key}~{BotTones.Name(Tone)}", out var toned) ? toned
        : _messages.TryGetValue(key, out var template) ? template
        : throw new InvalidOperationException($"The message \"{key}\" is missing from the language file.");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Greeting(string? firstName) =>
        string.IsNullOrWhiteSpace(firstName) ? Get("greetingUnnamed") : Format("greeting", ("firstName", firstName));

    /// <summary>The <c>.one</c> form for one (which names the number itself: "one question", "eine Frage"), else <c>.other</c> with the count in words.</summary>
    private string Counted(string key, int count, params (string Name, string Value)[] values) =>
        count == 1
            ? Format($"{key}.one", values)
            : Format($"{key}.other", [.. values, ("count", CountWords(count))]);

    private string Format(string key, params ReadOnlySpan<(string Name, string Value)> values) => TextTemplate.Format(key, Template(key), values);
}
