using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The interview link's HTTP side, between the candidate's page and the turn host, in the order that keeps bad input from
/// doing anything: the token is checked first (a tampered, expired or revoked link gets a plain refusal and nothing else),
/// then the body is bounded, parsed and checked, turned into a <see cref="Turn"/> of the link's conversation from the link's
/// candidate, and queued on the <see cref="TurnQueue"/>. The page waits for its answer: the response carries the
/// conversation after the page's cursor, read from storage (<see cref="ConversationHistory"/>), so a page opened again on
/// any device shows the same conversation. Reads can wait for news (long polling, <see cref="InterviewLinkFeed"/>).
/// </summary>
internal sealed partial class InterviewLinkAdapter(
    InterviewLinkTokens tokens,
    ConversationHistory history,
    TurnQueue queue,
    InterviewLinkFeed feed,
    IProfileSource profiles,
    IOptions<InterviewLinkOptions> options,
    IOptions<ScreeningOptions> screening,
    ILogger<InterviewLinkAdapter> logger)
{
    /// <summary>Longest a read waits for news; well under common proxy and browser idle limits.</summary>
    public const int MaxWaitSeconds = 25;

    /// <summary>Seconds the page is asked to wait before trying again after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    public const int MaxChoiceLength = 200;

    /// <summary><c>GET /interview/{token}</c>: the page, or a plain page that says why the link does not open it.</summary>
    public async Task<IResult> PageAsync(string token, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        InterviewLinkHeaders.Apply(http.Response);
        // Past the last line: the page's own script reads the conversation, so only the interview is read here.
        var (read, refusal) = await OpenAsync(token, after: long.MaxValue - 1, cancellationToken);
        if (refusal is not null)
        {
            Log(refusal);
            if (refusal.StatusCode == 503)
            {
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            // No interview to take the language from: the browser's languages pick it.
            http.Response.Headers.Vary = "Accept-Language";
            return InterviewLinkRefusalPage.Result(refusal, LinkPageLanguage.Of(http.Request));
        }

        // The page around the conversation speaks the interview's language too.
        return TypedResults.Bytes(InterviewLinkPage.For(LanguageOf(read!.Interview)), "text/html; charset=utf-8");
    }

    /// <summary>
    /// <c>GET /interview/{token}/messages?after=N&amp;wait=S</c>: the conversation after cursor N (-1, the default, for all of it).
    /// With <c>wait</c> (seconds, at most <see cref="MaxWaitSeconds"/>) and nothing new, the answer waits for news first.
    /// </summary>
    public async Task<IResult> ReadAsync(string token, string? after, string? wait, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        InterviewLinkHeaders.Apply(http.Response);
        if (tokens.Check(token) is { Status: not LinkTokenStatus.Valid } check)
        {
            return Problem(http, Refusal(check.Status));
        }

        if (!TryParse(after, -1, -1, long.MaxValue - 1, out var cursor))
        {
            return BadRequest(http, $"'after' must be a transcript sequence (a whole number, -1 for everything); it is \"{Clip(after)}\"");
        }

        if (!TryParse(wait, 0, 0, MaxWaitSeconds, out var seconds))
        {
            return BadRequest(http, $"'wait' must be 0 to {MaxWaitSeconds} seconds; it is \"{Clip(wait)}\"");
        }

        var (read, refusal) = await OpenAsync(token, cursor, cancellationToken);
        if (refusal is null && read!.Lines.Count == 0 && seconds > 0)
        {
            // Listen first, then read once more: news that lands between the read above and the wait still wakes it.
            using var listener = feed.Listen(read.Interview.ConversationKey);
            (read, refusal) = await OpenAsync(token, cursor, cancellationToken);
            try
            {
                if (listener is not null && refusal is null && read!.Lines.Count == 0)
                {
                    await listener.WaitAsync(TimeSpan.FromSeconds(seconds), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The page went away (reload, closed tab): nobody reads this answer.
                return TypedResults.Empty;
            }

            (read, refusal) = await OpenAsync(token, cursor, cancellationToken);
        }

        return refusal is not null ? Problem(http, refusal) : State(read!, cursor, []);
    }

    /// <summary>
    /// <c>POST /interview/{token}/messages</c> with a <see cref="LinkMessageRequest"/>: runs the answer as a turn and returns the
    /// conversation after the request's <c>after</c>. Sending the same message id again is harmless (the turn host and the
    /// interview each take a message once).
    /// </summary>
    public async Task<IResult> AnswerAsync(string token, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        InterviewLinkHeaders.Apply(http.Response);
        var check = tokens.Check(token);
        if (check is not { Status: LinkTokenStatus.Valid, Link: { } link })
        {
            return Problem(http, Refusal(check.Status));
        }

        if (!http.Request.HasJsonContentType())
        {
            return Problem(http, new LinkRefusal(415, "unsupported-media-type", "Unsupported media type", "answers must be sent as Content-Type: application/json"));
        }

        var maxBytes = options.Value.MaxBodyBytes;
        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, maxBytes, cancellationToken);
        if (body is null)
        {
            return Problem(http, new LinkRefusal(413, "too-large", "Answer too large", $"the request is larger than {maxBytes} bytes (InterviewLinks:MaxBodyBytes); shorten the answer"));
        }

        LinkMessageRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, InterviewLinkJsonContext.Default.LinkMessageRequest);
        }
        catch (JsonException)
        {
            return BadRequest(http, "the body is not a JSON answer object: send { \"id\", \"text\" } or { \"id\", \"choice\", \"questionId\" }");
        }

        if (Invalid(request) is { } problem)
        {
            return BadRequest(http, problem);
        }

        var turn = new Turn
        {
            Kind = TurnKind.Message,
            Conversation = link.Address,
            From = new Participant(link.CandidateId, string.Empty),
            Message = new IncomingMessage(request!.Text ?? string.Empty, request.Id, request.Choice),
            DeliveryId = request.Id,
            ClickedQuestionId = request.Choice is null ? null : request.QuestionId,
        };
        var replies = new InterviewLinkTurnReplies();
        if (queue.TryEnqueue(turn, replies) is not { } running)
        {
            return Unavailable(http, "the interview is busy");
        }

        TurnResult result;
        try
        {
            // The turn has the host's lifetime: a page that goes away mid-turn still gets its answer saved.
            result = await running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }

        feed.Notify(link.Address.Key);
        InterviewLinkLog.Answered(logger, link.LinkId, result, replies.Texts.Count);
        switch (result)
        {
            case TurnResult.NotProcessed:
                InterviewLinkLog.StorageUnavailable(logger, link.LinkId);
                return Unavailable(http, "your answer could not be saved just now; nothing was lost");
            case TurnResult.Failed:
                return Problem(http, new LinkRefusal(500, "failed", "Something went wrong", "your answer could not be processed; please send it again"));
        }

        var after = request.After ?? -1;
        var (read, refusal) = await OpenAsync(token, after, cancellationToken);
        return refusal is not null ? Problem(http, refusal) : State(read!, after, replies.Texts);
    }

    /// <summary>The link's conversation after <paramref name="after"/>, or why the token does not open it.</summary>
    private async Task<(ConversationSnapshot? Read, LinkRefusal? Refusal)> OpenAsync(string token, long after, CancellationToken cancellationToken)
    {
        var check = tokens.Check(token);
        if (check is not { Status: LinkTokenStatus.Valid, Link: { } link })
        {
            return (null, Refusal(check.Status));
        }

        var read = await history.ReadAsync(link.Address.Key, after, cancellationToken);
        if (read.Unavailable)
        {
            InterviewLinkLog.StorageUnavailable(logger, link.LinkId);
            return (null, LinkRefusal.Unavailable);
        }

        // Forgotten (no interview), or an address some other candidate's token could not name: the same answer as a bad link.
        if (read.Snapshot is not { } snapshot || !string.Equals(snapshot.Interview.Candidate.Id, link.CandidateId, StringComparison.Ordinal))
        {
            return (null, LinkRefusal.Invalid);
        }

        return snapshot.Interview.Status == InterviewStatus.Cancelled ? (null, LinkRefusal.Closed) : (snapshot, null);
    }

    private CandidateLanguage LanguageOf(Interview interview) =>
        CandidateLanguages.Resolve(profiles.TryGet(interview.ProfileId, out var profile) ? profile.Language : interview.Record.Language);

    private JsonHttpResult<LinkPageState> State(ConversationSnapshot snapshot, long after, IReadOnlyList<string> replies)
    {
        profiles.TryGet(snapshot.Interview.ProfileId, out var profile);
        var state = LinkPageStates.From(snapshot, after, profile, screening.Value.MaxAnswerCharacters, replies);
        return TypedResults.Json(state, InterviewLinkJsonContext.Default.LinkPageState);
    }

    private static string? Invalid(LinkMessageRequest? request)
    {
        if (request is null)
        {
            return "the body is empty; send { \"id\", \"text\" } or { \"id\", \"choice\", \"questionId\" }";
        }

        if (request.Id is null || !MessageIdPattern().IsMatch(request.Id))
        {
            return "'id' must be the page's id for the message: 8 to 64 letters, digits, '-' or '_'";
        }

        if ((request.Text is null) == (request.Choice is null))
        {
            return "send either 'text' (a typed answer) or 'choice' (a clicked button), not both";
        }

        if (request.Choice is { Length: 0 or > MaxChoiceLength } || request.QuestionId is { Length: > MaxChoiceLength })
        {
            return $"'choice' and 'questionId' must be 1 to {MaxChoiceLength} characters";
        }

        return request.After is < -1 ? "'after' must be -1 or a transcript sequence the page was given" : null;
    }

    private static LinkRefusal Refusal(LinkTokenStatus status) => status == LinkTokenStatus.Expired ? LinkRefusal.Expired : LinkRefusal.Invalid;

    private ProblemHttpResult Problem(HttpContext http, LinkRefusal refusal)
    {
        Log(refusal);
        if (refusal.StatusCode == 503)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(refusal.Detail, statusCode: refusal.StatusCode, title: refusal.Title, extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason });
    }

    private ProblemHttpResult BadRequest(HttpContext http, string detail) => Problem(http, new LinkRefusal(400, "bad-request", "Invalid request", detail));

    private ProblemHttpResult Unavailable(HttpContext http, string why) =>
        Problem(http, LinkRefusal.Unavailable with { Detail = $"{why}; please try again in {RetryAfterSeconds} seconds" });

    private void Log(LinkRefusal refusal)
    {
        if (refusal.StatusCode is not 503)
        {
            InterviewLinkLog.Refused(logger, refusal.StatusCode, refusal.Reason);
        }
    }

    private static bool TryParse(string? text, long fallback, long min, long max, out long value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static string Clip(string? text) => text is null ? string.Empty : text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdPattern();
}
