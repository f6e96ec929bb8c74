using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall.Prompts;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// Drives one candidate's backend-senior interview over HTTP against bot processes, the way Teams would: a recruiter's
/// <c>screen</c> command starts it (the consent question arrives through the fake connector), then every answer is a
/// 1:1 message with <c>deliveryMode: expectReplies</c> to whichever process the test picks, answered from the strong
/// rehearsal script. Keeps the pending prompt and what the candidate said, in groups whose order is fixed between
/// groups and free inside one (messages that raced each other), to check the stored transcript against.
/// </summary>
internal sealed class InterviewDriver
{
    private readonly FakeBotConnector _connector;
    private readonly ScriptedCandidate _script = new(TestProfiles.BackendSenior, Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml"));
    private readonly List<IReadOnlyList<string>> _said = [];

    /// <param name="activities">Shared by the drivers of one test, so their activity ids (and so the recruiter's channel messages) differ.</param>
    public InterviewDriver(FakeBotConnector connector, string candidateName = "Jane Doe", TeamsActivities? activities = null)
    {
        _connector = connector;
        var id = Guid.NewGuid().ToString("N");
        Candidate = new TeamsUser("29:1" + id[..16], candidateName, Guid.NewGuid().ToString());
        Activities = activities ?? new TeamsActivities(connector.ServiceUrl, "screener-durability");
    }

    public TeamsUser Candidate { get; }

    public TeamsActivities Activities { get; }

    public string Conversation => TeamsActivities.PersonalConversationId(Candidate);

    /// <summary>The question waiting for an answer (the last prompt the bot sent); its inputHint is ignoringInput once the interview ended.</summary>
    public JsonNode Prompt { get; private set; } = null!;

    public bool Ended => Prompt["inputHint"]?.GetValue<string>() == "ignoringInput";

    /// <summary>What the candidate said that the bot took, as groups: in order between groups, any order inside one.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Said => _said;

    /// <summary>Messages the bot has sent to this candidate's 1:1 conversation through the connector.</summary>
    public int MessagesSent => _connector.Activities.Count(x => x.ConversationId == Conversation && x.ActivityType == "message");

    /// <summary>The scorecards of this candidate posted to a channel (found by name in the card's message).</summary>
    public IReadOnlyList<RecordedRequest> ScorecardsIn(IEnumerable<RecordedRequest> requests) =>
        [.. requests.Where(r => r.Operation == "createConversation" && r.Card is not null && r.Text?.Contains(Candidate.Name, StringComparison.Ordinal) == true)];

    /// <summary>The recruiter screens the candidate through <paramref name="bot"/>; returns once the consent question arrived.</summary>
    public async Task StartAsync(BotProcess bot)
    {
        var command = Activities.ChannelMessage(TeamsUser.Recruiter, $"screen <at>{Candidate.Name}</at> backend-senior", Candidate);
        using var response = await bot.PostAsync(command);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{bot.Name} answered {(int)response.StatusCode} to the screen command. Its output:\n{bot.Output()}");
        var sent = await _connector.WaitForAsync(r => r.Any(x => x.ConversationId == Conversation && x.InputHint == "expectingInput"), TimeSpan.FromSeconds(30), $"the consent question from {bot.Name}");
        Prompt = sent.Last(x => x.ConversationId == Conversation && x.InputHint == "expectingInput").Activity!;
    }

    /// <summary>The answer to the pending prompt as an expectReplies activity (built once: the script moves on), and the text the bot will record.</summary>
    public (JsonObject Activity, string Text) NextAnswer()
    {
        Assert.False(Ended, "the interview has ended; there is nothing left to answer");
        var (text, submit) = _script.Answer(Prompt);
        var activity = submit is not null ? Activities.CardSubmit(Candidate, submit) : Activities.PersonalMessage(Candidate, text!);
        activity["deliveryMode"] = "expectReplies";
        return (activity, PromptText.Normalize(text ?? submit!["screeningAnswer"]!.GetValue<string>()));
    }

    /// <summary>A typed expectReplies message (a command such as <c>repeat</c>, or any text).</summary>
    public (JsonObject Activity, string Text) Message(string text)
    {
        var activity = Activities.PersonalMessage(Candidate, text);
        activity["deliveryMode"] = "expectReplies";
        return (activity, PromptText.Normalize(text));
    }

    /// <summary>Answers the pending prompt through <paramref name="bot"/> and checks that it was taken.</summary>
    public async Task<JsonArray> AnswerAsync(BotProcess bot)
    {
        var (activity, text) = NextAnswer();
        var replies = await SendAsync(bot, activity);
        Assert.True(replies.Count > 0, $"{bot.Name} sent no reply to the answer '{text}'");
        Took(text);
        return replies;
    }

    /// <summary>Sends a typed message through <paramref name="bot"/>, checks that it was taken, and returns the replies.</summary>
    public async Task<JsonArray> SayAsync(BotProcess bot, string text)
    {
        var (activity, normalized) = Message(text);
        var replies = await SendAsync(bot, activity);
        Assert.True(replies.Count > 0, $"{bot.Name} sent no reply to '{text}'");
        Took(normalized);
        return replies;
    }

    /// <summary>POSTs <paramref name="activity"/>, expects 200, returns the replies and moves <see cref="Prompt"/> to the last prompt among them.</summary>
    public async Task<JsonArray> SendAsync(BotProcess bot, JsonObject activity)
    {
        using var response = await bot.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{bot.Name} answered {(int)response.StatusCode}: {body}\nIts output:\n{bot.Output()}");
        var replies = JsonNode.Parse(body)!["activities"]!.AsArray();
        Observe(replies);
        return replies;
    }

    /// <summary>Moves <see cref="Prompt"/> to the last prompt in <paramref name="replies"/>, if any.</summary>
    public void Observe(JsonArray replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (replies.LastOrDefault(r => r!["inputHint"]?.GetValue<string>() is "expectingInput" or "ignoringInput") is { } prompt)
        {
            Prompt = prompt;
        }
    }

    /// <summary>
    /// Answers the pending prompt while storage fails: with <paramref name="expectReplies"/> an expectReplies delivery
    /// first, which must get 503 with Retry-After (the channel retries it); then the same answer typed in Teams, which must
    /// get exactly one message, the request to send it again. Returns the expectReplies activity, to deliver once the fault clears.
    /// </summary>
    public async Task<RefusedAnswer> AssertAskedToResendAsync(BotProcess bot, bool expectReplies)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var messagesBefore = MessagesSent;
        var (answer, text) = NextAnswer();
        if (expectReplies)
        {
            using var refused = await bot.PostAsync(answer);
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"expectReplies during the fault: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}\n{bot.Output()}");
            Assert.Equal(TimeSpan.FromSeconds(BotFrameworkAdapter.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        }

        var typedAt = Stopwatch.GetTimestamp();
        using (var typed = await bot.PostAsync(Activities.PersonalMessage(Candidate, text)))
        {
            Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        }

        var sent = await _connector.WaitForAsync(
            r => r.Count(x => x.ConversationId == Conversation && x.ActivityType == "message") > messagesBefore,
            TimeSpan.FromSeconds(60),
            $"the request to send the answer again from {bot.Name}");
        var waited = Stopwatch.GetElapsedTime(typedAt);
        Assert.Equal([TurnText.StorageDown], sent.Where(x => x.ConversationId == Conversation && x.ActivityType == "message").Skip(messagesBefore).Select(x => x.Text));
        return new RefusedAnswer(answer, text, waited);
    }

    /// <summary>Notes that the bot took <paramref name="texts"/> (several: they raced, so any order is right).</summary>
    public void Took(params string[] texts) => _said.Add(texts);

    /// <summary>What a prompt shows the candidate (text, card, suggested actions), without ids and timestamps, for comparing two prompts.</summary>
    public static string View(JsonNode prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new JsonObject
        {
            ["text"] = prompt["text"]?.DeepClone(),
            ["attachments"] = prompt["attachments"]?.DeepClone(),
            ["suggestedActions"] = prompt["suggestedActions"]?.DeepClone(),
            ["inputHint"] = prompt["inputHint"]?.DeepClone(),
        }.ToJsonString();
    }

    /// <summary>
    /// The stored transcript holds every message the candidate said exactly once, in order (any order inside a group of
    /// racing messages), and its sequence numbers run 0, 1, 2… without a gap or a repeat.
    /// </summary>
    public void AssertTranscript(IReadOnlyList<TranscriptTurn> transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        Assert.Equal(Enumerable.Range(0, transcript.Count).Select(i => (long)i), transcript.Select(t => t.Sequence));
        var spoken = transcript.Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text).ToList();
        var expected = _said.Sum(g => g.Count);
        Assert.True(spoken.Count == expected, $"the transcript has {spoken.Count} candidate lines, the candidate said {expected} things:\n{Describe(spoken)}");
        var at = 0;
        foreach (var group in _said)
        {
            var stored = spoken.GetRange(at, group.Count);
            Assert.True(
                group.Order(StringComparer.Ordinal).SequenceEqual(stored.Order(StringComparer.Ordinal), StringComparer.Ordinal),
                $"candidate lines {at}..{at + group.Count - 1} should be [{string.Join(" | ", group.Select(Short))}] but are [{string.Join(" | ", stored.Select(Short))}]");
            at += group.Count;
        }
    }

    private static string Describe(IEnumerable<string> lines) => string.Join("\n", lines.Select((l, i) => $"  {i}: {Short(l)}"));

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
