using System.Text.RegularExpressions;
using ScreeningBot.Bot.InterviewLinks;
using static ScreeningBot.Bot.Rendering.MarkedText;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// The recruiter command grammar, shared by Slack (<c>/screen …</c>) and Teams (<c>@Screener screen …</c>):
/// <code>
/// screen @candidate profile-id      (alias: invite; "/screen @jane backend-senior" also works without the verb)
/// screen ["Jane Doe"] jane@example.com profile-id   (an interview link, for someone outside the workspace)
/// status [@candidate | email | "name" | interview-id | profile-id]
/// shortlist [profile-id] [top N]
/// report @candidate | email | "name" | interview-id
/// cancel @candidate | email | "name" | interview-id
/// forget @candidate | email | "name" [confirm]
/// advance|reject|hold @candidate | interview-id [reason]
/// note @candidate | interview-id text
/// export profile-id [since YYYY-MM-DD] [json]
/// export-candidate @candidate | email | "name" | interview-id
/// impact [profile-id] [from-date [to-date]]        (dates as YYYY-MM-DD)
/// profiles
/// draft-profile profile-id   (then the job description, pasted on the next lines of the same message)
/// help [verb]
/// </code>
/// Mentions arrive as Slack escapes (<c>&lt;@U123|jane&gt;</c>), Teams <c>&lt;at&gt;Jane Doe&lt;/at&gt;</c> tags resolved
/// through the activity's mention entities, or a bare <c>@jane</c> (no id: the handler asks for a real mention). Email
/// addresses arrive bare, as Slack's <c>&lt;mailto:jane@example.com|jane@example.com&gt;</c>, or as a Teams
/// <c>&lt;a href="mailto:…"&gt;</c> link; names in straight or curly double quotes.
/// </summary>
internal static partial class RecruiterCommandParser
{
    /// <summary>Every verb the parser knows (the Teams and Slack manifests are checked against this list).</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["screen", "invite", "status", "shortlist", "report", "cancel", "forget", "advance", "reject", "hold", "note", "feedback", "export", "export-candidate", "impact", "profiles", "draft-profile", "help"];

    /// <summary>Longest command text accepted; commands are one line.</summary>
    public const int MaxLength = 1_000;

    /// <summary>
    /// Longest job description pasted after <c>draft-profile</c>: a thorough description is 3,000 to 8,000 characters;
    /// longer files go through the CLI (<c>profile draft --from</c>, up to 64 KiB).
    /// </summary>
    public const int MaxDescriptionLength = 20_000;

    /// <summary>Shortest job description worth drafting from: a title and a few lines of requirements.</summary>
    public const int MinDescriptionLength = 80;

    public static string Usage(string prefix) =>
        $"`{prefix} screen @candidate profile-id` invites a candidate · `{prefix} screen jane@example.com profile-id` sends someone outside the workspace an interview link · " +
        $"`{prefix} status [@candidate | profile-id]` shows screens · " +
        $"`{prefix} shortlist [profile-id] [top N]` ranks finished screens · `{prefix} report @candidate` shows a scorecard · " +
        $"`{prefix} cancel @candidate` stops a screen · `{prefix} advance @candidate`, `{prefix} reject @candidate [reason]` or `{prefix} hold @candidate` records your decision · `{prefix} note @candidate text` adds a note · `{prefix} feedback @candidate [send]` shows, then sends, the candidate a short message about your decision · `{prefix} export profile-id [since 2026-11-01] [json]` gives a file for your ATS · `{prefix} forget @candidate` erases a candidate's data · " +
        $"`{prefix} export-candidate @candidate` gives everything stored about them · `{prefix} impact [profile-id]` shows selection rates per group · " +
        $"`{prefix} profiles` lists roles · `{prefix} draft-profile new-profile-id` with a job description pasted on the next lines drafts a profile for review · `{prefix} help`";

    /// <param name="text">The command text without the slash command or the bot's own mention.</param>
    /// <param name="teamsMentions">Mention entities of a Teams activity (bot's own mention already removed), matched to <c>&lt;at&gt;</c> tags by their text.</param>
    public static RecruiterCommand Parse(string? text, IReadOnlyList<(string Text, Mention Mention)>? teamsMentions = null)
    {
        text = (text ?? string.Empty).Trim();
        if (DraftProfileVerb().Match(text) is { Success: true } draft)
        {
            return DraftProfile(text[draft.Length..]);
        }

        if (text.Length > MaxLength)
        {
            return new InvalidCommand($"That command is {text.Length} characters long; commands are one short line.");
        }

        var tokens = Tokenize(text, teamsMentions ?? []);
        if (tokens.Count == 0)
        {
            return new HelpCommand(null);
        }

        var verb = tokens[0].Word?.ToLowerInvariant();
        if (tokens[0].Mention is not null || tokens[0].Email is not null || tokens[0].Name is not null)
        {
            // "/screen @jane backend-senior", "/screen jane@example.com backend-senior": the verb is implied.
            verb = "screen";
            tokens.Insert(0, new Token("screen", null));
        }

        var args = tokens.Skip(1).ToList();
        return verb switch
        {
            "screen" or "invite" => Invite(args),
            "status" => Status(args),
            "shortlist" => Shortlist(args),
            "report" => Targeted(args, "report", t => new ReportCommand(t)),
            "cancel" => Targeted(args, "cancel", t => new CancelCommand(t)),
            "forget" => Forget(args),
            "advance" or "reject" or "hold" => Decide(text, args, Dialogs.Decisions.HiringDecisionExtensions.FromVerb(verb)!.Value),
            "note" => Note(text, args),
            "feedback" => Feedback(args),
            "export" => Export(args),
            "export-candidate" => Targeted(args, "export-candidate", t => new ExportCandidateCommand(t)),
            "impact" or "adverse-impact" => Impact(args),
            "profiles" or "roles" => new ProfilesCommand(),
            "help" or "?" => new HelpCommand(args.FirstOrDefault()?.Word?.ToLowerInvariant()),
            _ => new InvalidCommand($"I don't know the command \"{Untrusted(Shorten(tokens[0].Word ?? text))}\"."),
        };
    }

    /// <summary><c>draft-profile ID</c>, then the description: the only command that is more than one short line.</summary>
    private static RecruiterCommand DraftProfile(string rest)
    {
        const string Usage = "Usage: `draft-profile profile-id`, then paste the job description on the next lines of the same message, e.g. `draft-profile backend-payments` followed by the description.";
        rest = rest.Trim();
        var end = rest.IndexOfAny([' ', '\t', '\r', '\n']);
        var id = end < 0 ? rest : rest[..end];
        var description = end < 0 ? string.Empty : rest[end..].Trim();
        if (id.Length == 0)
        {
            return new InvalidCommand($"Which id should the new profile get? {Usage}");
        }

        if (!KebabId.IsValid(id))
        {
            return new InvalidCommand($"\"{Untrusted(Shorten(id))}\" is not a profile id: use lowercase words joined by hyphens, such as `backend-payments`. {Usage}");
        }

        if (description.Length > MaxDescriptionLength)
        {
            return new InvalidCommand(
                $"That job description is {description.Length:N0} characters; I take at most {MaxDescriptionLength:N0}. Paste only the description itself, " +
                $"or run `dotnet run --project bot -- profile draft --from jd.txt --id {id}` on the bot's host.");
        }

        if (description.Length < MinDescriptionLength)
        {
            return new InvalidCommand(
                description.Length == 0
                    ? $"Paste the job description after the id, on the next lines of the same message. {Usage}"
                    : $"That job description is only {description.Length} characters; paste the whole description (title, responsibilities and requirements). {Usage}");
        }

        return new DraftProfileCommand(id, description);
    }

    private static RecruiterCommand Invite(List<Token> args)
    {
        if (args.Any(a => a.Email is not null || a.Name is not null))
        {
            return InviteByLink(args);
        }

        if (args.FirstOrDefault(a => a.Word?.Contains('@', StringComparison.Ordinal) == true) is { Word: { } address })
        {
            return new InvalidCommand($"\"{Untrusted(Shorten(address))}\" is not an email address; write it like `screen jane@example.com backend-senior`.");
        }

        var mention = args.FirstOrDefault(a => a.Mention is not null)?.Mention;
        var profiles = args.Where(a => a.Word is not null).Select(a => a.Word!).ToArray();
        if (mention is null)
        {
            return new InvalidCommand("Who should I screen? Mention the candidate: `screen @jane backend-senior`.");
        }

        if (profiles.Length == 0)
        {
            return new InvalidCommand($"Which role should I screen @{Untrusted(mention.Display)} for? Add a profile id: `screen @{InCode(mention.Display)} backend-senior` (`profiles` lists them).");
        }

        if (args.Count(a => a.Mention is not null) > 1 || profiles.Length > 1)
        {
            return new InvalidCommand("One candidate and one profile at a time: `screen @jane backend-senior`.");
        }

        return IsProfileId(profiles[0])
            ? new InviteCommand(mention, profiles[0].ToLowerInvariant())
            : new InvalidCommand($"\"{Untrusted(Shorten(profiles[0]))}\" is not a profile id; ids look like `backend-senior` (`profiles` lists them).");
    }

    private static RecruiterCommand InviteByLink(List<Token> args)
    {
        var emails = args.Where(a => a.Email is not null).Select(a => a.Email!).ToArray();
        var names = args.Where(a => a.Name is not null).Select(a => a.Name!).ToArray();
        var profiles = args.Where(a => a.Word is not null).Select(a => a.Word!).ToArray();
        if (emails.Length == 0)
        {
            return new InvalidCommand($"Which address should the interview link go to? Add it: `screen \"{InCode(Shorten(names[0]))}\" jane@example.com backend-senior`.");
        }

        if (emails.Length > 1 || names.Length > 1 || profiles.Length > 1 || args.Any(a => a.Mention is not null))
        {
            return new InvalidCommand("One candidate and one profile at a time: `screen jane@example.com backend-senior`, or with a name, `screen \"Jane Doe\" jane@example.com backend-senior`.");
        }

        if (profiles.Length == 0)
        {
            return new InvalidCommand($"Which role should I screen {Untrusted(emails[0])} for? Add a profile id: `screen {InCode(emails[0])} backend-senior` (`profiles` lists them).");
        }

        if (!IsProfileId(profiles[0]))
        {
            return new InvalidCommand($"\"{Untrusted(Shorten(profiles[0]))}\" is not a profile id; ids look like `backend-senior` (`profiles` lists them).");
        }

        return new InviteByLinkCommand(emails[0], names.FirstOrDefault(), profiles[0].ToLowerInvariant());
    }

    private static RecruiterCommand Status(List<Token> args)
    {
        if (args.Count == 0)
        {
            return new StatusCommand(null, null);
        }

        if (args.Count > 1)
        {
            return new InvalidCommand("Usage: `status [@candidate | interview-id | profile-id]`.");
        }

        var arg = args[0];
        if (TargetOf(arg) is { } target)
        {
            return new StatusCommand(target, null);
        }

        var word = arg.Word!;
        return IsInterviewId(word) ? new StatusCommand(new CommandTarget(null, word.ToLowerInvariant()), null)
            : IsProfileId(word) ? new StatusCommand(null, word.ToLowerInvariant())
            : new InvalidCommand($"\"{Untrusted(Shorten(word))}\" is neither a mention, an email address, a name in quotes, an interview id (iv-…) nor a profile id.");
    }

    private static RecruiterCommand Impact(List<Token> args)
    {
        const string Usage = "Usage: `impact [profile-id] [from-date [to-date]]`, dates as YYYY-MM-DD, e.g. `impact backend-senior 2026-01-01 2026-06-30`.";
        var words = args.Select(a => a.Word).ToList();
        if (words.Any(w => w is null) || words.Count > 3)
        {
            return new InvalidCommand(Usage);
        }

        string? profile = null;
        if (words.Count > 0 && !IsDate(words[0]!) && IsProfileId(words[0]!))
        {
            profile = words[0]!.ToLowerInvariant();
            words.RemoveAt(0);
        }

        var dates = new List<DateOnly>();
        foreach (var word in words)
        {
            if (!DateOnly.TryParseExact(word, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return new InvalidCommand($"\"{Untrusted(Shorten(word!))}\" is not a date. {Usage}");
            }

            dates.Add(date);
        }

        if (dates.Count == 2 && dates[1] < dates[0])
        {
            return new InvalidCommand($"The period ends ({dates[1]:yyyy-MM-dd}) before it starts ({dates[0]:yyyy-MM-dd}). {Usage}");
        }

        return new ImpactCommand(profile, dates.Count > 0 ? dates[0] : null, dates.Count > 1 ? dates[1] : null);
    }

    private static bool IsDate(string word) => word.Length == 10 && word[4] == '-' && word[7] == '-';

    private static RecruiterCommand Forget(List<Token> args)
    {
        var confirmed = args.RemoveAll(a => string.Equals(a.Word, "confirm", StringComparison.OrdinalIgnoreCase)) > 0;
        return Targeted(args, "forget", t => new ForgetCommand(t, confirmed));
    }

    private static RecruiterCommand Feedback(List<Token> args)
    {
        var send = args.RemoveAll(a => string.Equals(a.Word, "send", StringComparison.OrdinalIgnoreCase)) > 0;
        return Targeted(args, "feedback", t => new FeedbackCommand(t, send));
    }

    private static RecruiterCommand Shortlist(List<Token> args)
    {
        const string usage = "Usage: `shortlist [profile-id] [top N]`, e.g. `shortlist backend-senior top 5`.";
        string? profile = null;
        var top = ShortlistCommand.DefaultTop;
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i].Word;
            if (string.Equals(word, "top", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= args.Count || !int.TryParse(args[i + 1].Word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out top) || top < 1)
                {
                    return new InvalidCommand("`top` takes a number of candidates, e.g. `shortlist top 5`. " + usage);
                }

                top = Math.Min(top, ShortlistCommand.MaxTop);
                i++;
            }
            else if (word is not null && profile is null && IsProfileId(word))
            {
                profile = word.ToLowerInvariant();
            }
            else
            {
                return new InvalidCommand(usage);
            }
        }

        return new ShortlistCommand(profile, top);
    }

    private static RecruiterCommand Export(List<Token> args)
    {
        const string usage = "Usage: `export profile-id [since YYYY-MM-DD] [json]`, e.g. `export backend-senior since 2026-11-01`.";
        var words = args.Select(a => a.Word).ToList();
        if (words.Count == 0 || words[0] is not { } profile || !IsProfileId(profile) || words.Contains(null))
        {
            return new InvalidCommand(usage);
        }

        DateTimeOffset? since = null;
        var json = false;
        for (var i = 1; i < words.Count; i++)
        {
            if (string.Equals(words[i], "json", StringComparison.OrdinalIgnoreCase) || string.Equals(words[i], "csv", StringComparison.OrdinalIgnoreCase))
            {
                json = string.Equals(words[i], "json", StringComparison.OrdinalIgnoreCase);
            }
            else if (string.Equals(words[i], "since", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count
                && DateOnly.TryParseExact(words[i + 1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                since = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                i++;
            }
            else
            {
                return new InvalidCommand(usage);
            }
        }

        return new ExportCommand(profile.ToLowerInvariant(), since, json);
    }

    private static RecruiterCommand Decide(string text, List<Token> args, Dialogs.Decisions.HiringDecision decision)
    {
        var verb = Dialogs.Decisions.HiringDecisionExtensions.ToVerb(decision);
        if (args.Count == 0 || TargetOrIdOf(args[0]) is not { } target)
        {
            return new InvalidCommand($"Usage: `{verb} @candidate [reason]` or `{verb} interview-id [reason]`.");
        }

        var reason = Rest(text, args);
        return new DecideCommand(target, decision, reason.Length == 0 ? null : reason);
    }

    private static RecruiterCommand Note(string text, List<Token> args)
    {
        var note = args.Count > 0 ? Rest(text, args) : string.Empty;
        return args.Count == 0 || TargetOrIdOf(args[0]) is not { } target || note.Length == 0
            ? new InvalidCommand("Usage: `note @candidate text` or `note interview-id text`, e.g. `note @jane strong on queues, probe testing`.")
            : new NoteCommand(target, note);
    }

    /// <summary>A candidate (<see cref="TargetOf"/>) or an interview id.</summary>
    private static CommandTarget? TargetOrIdOf(Token token) =>
        TargetOf(token) ?? (token.Word is { } word && IsInterviewId(word) ? new CommandTarget(null, word.ToLowerInvariant()) : null);

    /// <summary>The text after the target (a reason or a note), as typed.</summary>
    private static string Rest(string text, List<Token> args) => args.Count < 2 ? string.Empty : text[args[1].Start..].Trim();

    private static RecruiterCommand Targeted(List<Token> args, string verb, Func<CommandTarget, RecruiterCommand> create)
    {
        if (args.Count != 1)
        {
            return new InvalidCommand($"Usage: `{verb} @candidate`, `{verb} jane@example.com`, `{verb} \"Jane Doe\"` or `{verb} interview-id`.");
        }

        if (TargetOf(args[0]) is { } target)
        {
            return create(target);
        }

        return IsInterviewId(args[0].Word!)
            ? create(new CommandTarget(null, args[0].Word!.ToLowerInvariant()))
            : new InvalidCommand($"Usage: `{verb} @candidate`, `{verb} jane@example.com`, `{verb} \"Jane Doe\"` or `{verb} interview-id` (ids look like iv-abc…).");
    }

    /// <summary>A candidate named by a mention, an email address or a quoted name; null for a plain word.</summary>
    private static CommandTarget? TargetOf(Token token) =>
        token.Mention is { } mention ? new CommandTarget(mention, null)
        : token.Email is { } email ? new CommandTarget(null, null, Email: email)
        : token.Name is { } name ? new CommandTarget(null, null, Name: name)
        : null;

    private static bool IsProfileId(string word) => ProfileIdPattern().IsMatch(word);

    private static bool IsInterviewId(string word) => InterviewIdPattern().IsMatch(word);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static List<Token> Tokenize(string text, IReadOnlyList<(string Text, Mention Mention)> teamsMentions)
    {
        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            if (match.Groups["mailto"].Success)
            {
                tokens.Add(EmailOrWord(match.Groups["mailto"].Value, match.Value));
            }
            else if (match.Groups["quoted"].Success)
            {
                tokens.Add(LinkCandidates.CleanName(match.Groups["quoted"].Value) is { } name ? new Token(null, null, Name: name) : new Token(match.Value, null));
            }
            else if (match.Groups["slack"].Success)
            {
                var name = match.Groups["name"].Success ? match.Groups["name"].Value : string.Empty;
                tokens.Add(new Token(null, new Mention(match.Groups["slack"].Value, name), Start: match.Index));
            }
            else if (match.Groups["at"].Success)
            {
                var tag = match.Value;
                var entity = teamsMentions.FirstOrDefault(m => string.Equals(m.Text, tag, StringComparison.OrdinalIgnoreCase));
                tokens.Add(new Token(null, entity.Mention ?? new Mention(null, System.Net.WebUtility.HtmlDecode(match.Groups["at"].Value)), Start: match.Index));
            }
            else if (match.Value.StartsWith('@') && match.Value.Length > 1)
            {
                tokens.Add(new Token(null, new Mention(null, match.Value[1..]), Start: match.Index));
            }
            else
            {
                tokens.Add((match.Value.Contains('@', StringComparison.Ordinal) ? EmailOrWord(match.Value, match.Value) : new Token(match.Value, null)) with { Start = match.Index });
            }
        }

        return tokens;
    }

    /// <summary>An email address token when <paramref name="address"/> is one plain address; otherwise the text as a word (which no grammar rule accepts).</summary>
    private static Token EmailOrWord(string address, string text) =>
        LinkCandidates.NormalizeEmail(address) is { } email ? new Token(null, null, Email: email) : new Token(text, null);

    // Slack escapes a typed address as <mailto:a@b|a@b>, Teams may send it as an HTML link; names come in straight or curly quotes.
    // Run only on text within MaxLength (Parse checks first); every loop is bounded or a single set, none nested, so no timeout.
    [GeneratedRegex(
        @"<(?i:mailto):(?<mailto>[^|>\s]{1,254})(?:\|[^>]{0,300})?>|<(?i:a\s+href=""mailto):(?<mailto>[^""\s]{1,254})""[^>]{0,200}>[^<]{0,300}</(?i:a)>|[""\u201C\u201D](?<quoted>[^""\u201C\u201D]{1,200})[""\u201C\u201D]" +
        @"|<@(?<slack>[UW][A-Z0-9]{2,20})(?:\|(?<name>[^>]{0,80}))?>|<at>(?<at>[^<]{0,200})</at>|\S+",
        RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProfileIdPattern();

    [GeneratedRegex(@"^draft-profile(?=\s|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DraftProfileVerb();

    [GeneratedRegex(@"^iv-[a-z2-7]{20}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InterviewIdPattern();

    /// <param name="Start">Where the token begins in the command text.</param>
    private sealed record Token(string? Word, Mention? Mention, string? Email = null, string? Name = null, int Start = 0);
}
