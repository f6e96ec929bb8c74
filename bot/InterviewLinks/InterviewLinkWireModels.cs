namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// What the page shows, as JSON (<c>GET</c> and <c>POST /interview/{token}/messages</c>): the role, the conversation after the
/// page's cursor, and what the candidate can do now. Never anything about the hiring team, other candidates or scores.
/// </summary>
internal sealed record LinkPageState
{
    /// <summary>The profile's title, e.g. "Senior Backend Developer".</summary>
    public required string Role { get; init; }

    /// <summary>The candidate's first name, for the page's greeting.</summary>
    public required string Candidate { get; init; }

    /// <summary>The language the bot interviews in (the profile's, e.g. <c>de</c>), so the page marks the conversation up with it.</summary>
    public required string Language { get; init; }

    /// <summary><c>open</c>, <c>paused</c> or <c>ended</c>.</summary>
    public required string State { get; init; }

    /// <summary>Why it ended (<c>completed</c>, <c>declined</c>, <c>withdrawn</c>, <c>knocked-out</c>, <c>expired</c>, <c>profile-changed</c>); null while open.</summary>
    public string? Outcome { get; init; }

    /// <summary>When the link and the interview close.</summary>
    public required DateTimeOffset OpenUntil { get; init; }

    /// <summary>The longest answer the bot accepts (<c>Screening:MaxAnswerCharacters</c>).</summary>
    public required int MaxAnswerLength { get; init; }

    /// <summary>The last transcript sequence the page has now; it sends it back as <c>after</c>. -1 before the first line.</summary>
    public required long Cursor { get; init; }

    /// <summary>Transcript lines after the cursor the page sent, oldest first.</summary>
    public required IReadOnlyList<LinkMessage> Messages { get; init; }

    /// <summary>Buttons for the question waiting for an answer; null when it takes typed text only, or nothing is waiting.</summary>
    public LinkPrompt? Prompt { get; init; }

    /// <summary>What the bot answered that is not part of the transcript (a refused click, an answer over the length limit).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}

/// <summary>One line of the conversation: <c>from</c> is <c>bot</c> or <c>you</c>; the text is plain text with the bot's light Markdown.</summary>
internal sealed record LinkMessage(long Seq, string From, string Text, DateTimeOffset At);

/// <summary>The waiting question's buttons; a click sends the choice's value with the question id.</summary>
internal sealed record LinkPrompt(string? QuestionId, IReadOnlyList<LinkChoice> Choices);

internal sealed record LinkChoice(string Title, string Value);

/// <summary>
/// An answer from the page: typed <see cref="Text"/>, or a clicked <see cref="Choice"/> with the <see cref="QuestionId"/> its
/// button was shown with. <see cref="Id"/> is the page's own id for the message (sending it again is harmless); <see cref="After"/>
/// is the page's cursor, so the response carries everything it has not seen.
/// </summary>
internal sealed record LinkMessageRequest
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Choice { get; init; }

    public string? QuestionId { get; init; }

    public long? After { get; init; }
}
