namespace ScreeningBot.Bot.Commands;

/// <summary>A user mentioned in a command: Slack <c>&lt;@U123|jane&gt;</c>, a Teams mention entity, or a bare <c>@jane</c> (no id).</summary>
/// <param name="Id">Channel user id (Slack <c>U…</c>, Teams <c>29:…</c>); null when only a name was typed.</param>
/// <param name="Name">Display name as written; may be empty.</param>
/// <param name="AadObjectId">Entra object id (Teams mentions).</param>
internal sealed record Mention(string? Id, string Name, string? AadObjectId = null)
{
    public string Display => string.IsNullOrWhiteSpace(Name) ? Id ?? "someone" : Name.TrimStart('@');
}

/// <summary>
/// What a command points at: a mentioned candidate, an interview id, or a candidate invited by link, by their email address
/// or by their name in quotes.
/// </summary>
internal sealed record CommandTarget(Mention? Candidate, string? InterviewId, string? Email = null, string? Name = null)
{
    /// <summary>The target as a recruiter types it: <c>@Jane</c>, <c>iv-…</c>, <c>jane@example.com</c> or <c>"Jane Doe"</c>.</summary>
    public string Display => Candidate is { } c ? "@" + c.Display : Email ?? (Name is { } name ? $"\"{name}\"" : InterviewId ?? "?");
}

/// <summary>A parsed recruiter command. One grammar for Slack and Teams: see <see cref="RecruiterCommandParser"/>.</summary>
internal abstract record RecruiterCommand
{
    private protected RecruiterCommand()
    {
    }
}

/// <summary><c>screen @jane backend-senior</c> (alias <c>invite</c>).</summary>
internal sealed record InviteCommand(Mention Candidate, string ProfileId) : RecruiterCommand;

/// <summary>
/// <c>screen jane@example.com backend-senior</c>, optionally with the candidate's name in quotes
/// (<c>screen "Jane Doe" jane@example.com backend-senior</c>): a candidate outside the workspace gets an interview link.
/// </summary>
/// <param name="Name">The name as typed, or null to greet them by their address.</param>
internal sealed record InviteByLinkCommand(string Email, string? Name, string ProfileId) : RecruiterCommand;

/// <summary><c>status [@jane | interview-id | profile-id]</c>.</summary>
internal sealed record StatusCommand(CommandTarget? Target, string? ProfileId) : RecruiterCommand;

/// <summary><c>profiles</c>.</summary>
internal sealed record ProfilesCommand : RecruiterCommand;

/// <summary><c>help [verb]</c>.</summary>
internal sealed record HelpCommand(string? Topic) : RecruiterCommand;

/// <summary><c>cancel @jane | interview-id</c>.</summary>
internal sealed record CancelCommand(CommandTarget Target) : RecruiterCommand;

/// <summary><c>report @jane | interview-id</c>.</summary>
internal sealed record ReportCommand(CommandTarget Target) : RecruiterCommand;

/// <summary><c>shortlist [profile-id] [top N]</c>: finished screens, best first (recommendation, then score, then confidence).</summary>
internal sealed record ShortlistCommand(string? ProfileId, int Top = ShortlistCommand.DefaultTop) : RecruiterCommand
{
    public const int DefaultTop = 10;

    /// <summary>Most rows one shortlist shows; the export has them all.</summary>
    public const int MaxTop = 50;
}

/// <summary><c>forget @jane [confirm]</c>: erase everything stored about a candidate (GDPR).</summary>
internal sealed record ForgetCommand(CommandTarget Target, bool Confirmed) : RecruiterCommand;

/// <summary>
/// <c>advance|reject|hold @jane [reason]</c>, or a click on a scorecard's decision button (<see cref="Card"/> then names the
/// clicked card, so it is refreshed in place).
/// </summary>
internal sealed record DecideCommand(CommandTarget Target, Dialogs.Decisions.HiringDecision Decision, string? Reason) : RecruiterCommand
{
    public Channels.ScorecardMessage? Card { get; init; }
}

/// <summary><c>note @jane text</c>, or the note field of a scorecard card.</summary>
internal sealed record NoteCommand(CommandTarget Target, string Text) : RecruiterCommand
{
    public Channels.ScorecardMessage? Card { get; init; }
}

/// <summary>
/// <c>feedback @jane</c> shows the message the candidate would get about the current decision; <c>feedback @jane send</c>
/// (<see cref="Send"/>) sends it, once per decision.
/// </summary>
internal sealed record FeedbackCommand(CommandTarget Target, bool Send) : RecruiterCommand
{
    /// <summary>The decision the clicked confirm button previewed; the send is refused when the decision changed since.</summary>
    public string? DecisionId { get; init; }

    /// <summary>The scorecard card whose "Send feedback" button was clicked (Teams), refreshed in place once the feedback went.</summary>
    public Channels.ScorecardMessage? Card { get; init; }
}

/// <summary><c>export profile-id [since YYYY-MM-DD] [json]</c>: a download link to the profile's screens with their decisions.</summary>
internal sealed record ExportCommand(string ProfileId, DateTimeOffset? Since, bool Json) : RecruiterCommand;
/// <summary><c>export-candidate @jane</c> (alias <c>export</c>): everything stored about a candidate, as JSON (an access request).</summary>
internal sealed record ExportCandidateCommand(CommandTarget Target) : RecruiterCommand;

/// <summary><c>impact [profile-id] [from [to]]</c>: the adverse-impact report (selection rates per group) for a period.</summary>
/// <param name="From">First day of the period (UTC); null for a year before <paramref name="To"/>.</param>
/// <param name="To">Last day of the period, included (UTC); null for today.</param>
internal sealed record ImpactCommand(string? ProfileId, DateOnly? From, DateOnly? To) : RecruiterCommand;

/// <summary>
/// <c>draft-profile ID</c> followed by a pasted job description: answers with a draft profile to review. The draft is
/// never saved or activated by the bot.
/// </summary>
/// <param name="Description">The pasted text, between <see cref="RecruiterCommandParser.MinDescriptionLength"/> and <see cref="RecruiterCommandParser.MaxDescriptionLength"/> characters.</param>
internal sealed record DraftProfileCommand(string ProfileId, string Description) : RecruiterCommand;

/// <summary>Input that is not a valid command; <see cref="Message"/> says what was wrong and shows the usage.</summary>
internal sealed record InvalidCommand : RecruiterCommand
{
    /// <param name="message">What was wrong, the input's words in it marked with <see cref="Rendering.MarkedText.Untrusted"/>.</param>
    public InvalidCommand(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Marked = message;
    }

    /// <summary>The message with the input's words marked, for the answer's text.</summary>
    public string Marked { get; }

    /// <summary>The message as the recruiter reads it.</summary>
    public string Message => Rendering.MarkedText.Plain(Marked);
}
