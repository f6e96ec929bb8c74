using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// The recruiter command grammar, shared by Slack (<c>/screen …</c>) and Teams (<c>@Screener screen …</c>):
/// <code>
/// screen @candidate profile-id      (alias: invite; "/screen @jane backend-senior" also works without the verb)
/// status [@candidate | interview-id | profile-id]
/// shortlist [profile-id] [top N]
/// report @candidate | interview-id
/// cancel @candidate | interview-id
/// forget @candidate [confirm]
/// advance|reject|hold @candidate | interview-id [reason]
/// note @candidate | interview-id text
/// export profile-id [since YYYY-MM-DD] [json]
/// profiles
/// help [verb]
/// </code>
/// Mentions arrive as Slack escapes (<c>&lt;@U123|jane&gt;</c>), Teams <c>&lt;at&gt;Jane Doe&lt;/at&gt;</c> tags resolved
/// through the activity's mention entities, or a bare <c>@jane</c> (no id: the handler asks for a real mention).
/// </summary>
internal static partial class RecruiterCommandParser
{
    /// <summary>Every verb the parser knows (the Teams and Slack manifests are checked against this list).</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["screen", "invite", "status", "shortlist", "report", "cancel", "forget", "advance", "reject", "hold", "note", "export", "profiles", "help"];

    /// <summary>Longest command text accepted; commands are one line.</summary>
    public const int MaxLength = 1_000;

    public static string Usage(string prefix) =>
        $"`{prefix} screen @candidate profile-id` invites a candidate · `{prefix} status [@candidate | profile-id]` shows screens · " +
        $"`{prefix} shortlist [profile-id] [top N]` ranks finished screens · `{prefix} report @candidate` shows a scorecard · " +
        $"`{prefix} cancel @candidate` stops a screen · `{prefix} advance @candidate`, `{prefix} reject @candidate [reason]` or `{prefix} hold @candidate` records your decision · `{prefix} note @candidate text` adds a note · `{prefix} export profile-id [since 2026-11-01] [json]` gives a file for your ATS · `{prefix} forget @candidate` erases a candidate's data · `{prefix} profiles` lists roles · `{prefix} help`";

    /// <param name="text">The command text without the slash command or the bot's own mention.</param>
    /// <param name="teamsMentions">Mention entities of a Teams activity (bot's own mention already removed), matched to <c>&lt;at&gt;</c> tags by their text.</param>
    public static RecruiterCommand Parse(string? text, IReadOnlyList<(string Text, Mention Mention)>? teamsMentions = null)
    {
        text = (text ?? string.Empty).Trim();
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
        if (tokens[0].Mention is not null)
        {
            // "/screen @jane backend-senior": the verb is implied.
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
            "export" => Export(args),
            "profiles" or "roles" => new ProfilesCommand(),
            "help" or "?" => new HelpCommand(args.FirstOrDefault()?.Word?.ToLowerInvariant()),
            _ => new InvalidCommand($"I don't know the command \"{Shorten(tokens[0].Word ?? text)}\"."),
        };
    }

    private static RecruiterCommand Invite(List<Token> args)
    {
        var mention = args.FirstOrDefault(a => a.Mention is not null)?.Mention;
        var profiles = args.Where(a => a.Word is not null).Select(a => a.Word!).ToArray();
        if (mention is null)
        {
            return new InvalidCommand("Who should I screen? Mention the candidate: `screen @jane backend-senior`.");
        }

        if (profiles.Length == 0)
        {
            return new InvalidCommand($"Which role should I screen @{mention.Display} for? Add a profile id: `screen @{mention.Display} backend-senior` (`profiles` lists them).");
        }

        if (args.Count(a => a.Mention is not null) > 1 || profiles.Length > 1)
        {
            return new InvalidCommand("One candidate and one profile at a time: `screen @jane backend-senior`.");
        }

        return IsProfileId(profiles[0])
            ? new InviteCommand(mention, profiles[0].ToLowerInvariant())
            : new InvalidCommand($"\"{Shorten(profiles[0])}\" is not a profile id; ids look like `backend-senior` (`profiles` lists them).");
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
        if (arg.Mention is { } mention)
        {
            return new StatusCommand(new CommandTarget(mention, null), null);
        }

        var word = arg.Word!;
        return IsInterviewId(word) ? new StatusCommand(new CommandTarget(null, word.ToLowerInvariant()), null)
            : IsProfileId(word) ? new StatusCommand(null, word.ToLowerInvariant())
            : new InvalidCommand($"\"{Shorten(word)}\" is neither a mention, an interview id (iv-…) nor a profile id.");
    }

    private static RecruiterCommand Forget(List<Token> args)
    {
        var confirmed = args.RemoveAll(a => string.Equals(a.Word, "confirm", StringComparison.OrdinalIgnoreCase)) > 0;
        return Targeted(args, "forget", t => new ForgetCommand(t, confirmed));
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
        if (args.Count == 0 || TargetOf(args[0]) is not { } target)
        {
            return new InvalidCommand($"Usage: `{verb} @candidate [reason]` or `{verb} interview-id [reason]`.");
        }

        var reason = Rest(text, args);
        return new DecideCommand(target, decision, reason.Length == 0 ? null : reason);
    }

    private static RecruiterCommand Note(string text, List<Token> args)
    {
        var note = args.Count > 0 ? Rest(text, args) : string.Empty;
        return args.Count == 0 || TargetOf(args[0]) is not { } target || note.Length == 0
            ? new InvalidCommand("Usage: `note @candidate text` or `note interview-id text`, e.g. `note @jane strong on queues, probe testing`.")
            : new NoteCommand(target, note);
    }

    private static CommandTarget? TargetOf(Token token) =>
        token.Mention is { } mention ? new CommandTarget(mention, null)
        : token.Word is { } word && IsInterviewId(word) ? new CommandTarget(null, word.ToLowerInvariant())
        : null;

    /// <summary>The text after the target (a reason or a note), as typed.</summary>
    private static string Rest(string text, List<Token> args) => args.Count < 2 ? string.Empty : text[args[1].Start..].Trim();

    private static RecruiterCommand Targeted(List<Token> args, string verb, Func<CommandTarget, RecruiterCommand> create)
    {
        if (args.Count != 1)
        {
            return new InvalidCommand($"Usage: `{verb} @candidate` or `{verb} interview-id`.");
        }

        if (args[0].Mention is { } mention)
        {
            return create(new CommandTarget(mention, null));
        }

        return IsInterviewId(args[0].Word!)
            ? create(new CommandTarget(null, args[0].Word!.ToLowerInvariant()))
            : new InvalidCommand($"Usage: `{verb} @candidate` or `{verb} interview-id` (ids look like iv-abc…).");
    }

    private static bool IsProfileId(string word) => ProfileIdPattern().IsMatch(word);

    private static bool IsInterviewId(string word) => InterviewIdPattern().IsMatch(word);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static List<Token> Tokenize(string text, IReadOnlyList<(string Text, Mention Mention)> teamsMentions)
    {
        var tokens = new List<Token>();
        foreach (Match match in TokenPattern().Matches(text))
        {
            if (match.Groups["slack"].Success)
            {
                var name = match.Groups["name"].Success ? match.Groups["name"].Value : string.Empty;
                tokens.Add(new Token(null, new Mention(match.Groups["slack"].Value, name), match.Index));
            }
            else if (match.Groups["at"].Success)
            {
                var tag = match.Value;
                var entity = teamsMentions.FirstOrDefault(m => string.Equals(m.Text, tag, StringComparison.OrdinalIgnoreCase));
                tokens.Add(new Token(null, entity.Mention ?? new Mention(null, System.Net.WebUtility.HtmlDecode(match.Groups["at"].Value)), match.Index));
            }
            else if (match.Value.StartsWith('@') && match.Value.Length > 1)
            {
                tokens.Add(new Token(null, new Mention(null, match.Value[1..]), match.Index));
            }
            else
            {
                tokens.Add(new Token(match.Value, null, match.Index));
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"<@(?<slack>[UW][A-Z0-9]{2,20})(?:\|(?<name>[^>]{0,80}))?>|<at>(?<at>[^<]{0,200})</at>|\S+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex ProfileIdPattern();

    [GeneratedRegex(@"^iv-[a-z2-7]{20}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex InterviewIdPattern();

    /// <param name="Start">Where the token begins in the command text.</param>
    private sealed record Token(string? Word, Mention? Mention, int Start = 0);
}
