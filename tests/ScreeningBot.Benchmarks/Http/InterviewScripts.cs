using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>
/// Whole interviews over <c>POST /api/messages</c> with <c>deliveryMode: expectReplies</c>, one simulated user after another
/// interview, every reply checked: ScreeningBot's (a playground invitation, untimed, then every candidate answer, timed) and
/// the peer's (the Bot Framework SDK bot of ../shared/bench: "hi" and eight answers, all timed).
/// </summary>
internal static class InterviewScripts
{
    public const string ClosingText = "That's everything";

    private const string PeerClosingText = "interview is complete";

    private const int PeerQuestions = 8;

    /// <summary>Runs ScreeningBot interviews for simulated user <paramref name="user"/> until <paramref name="stop"/>.</summary>
    public static async Task ScreeningBotAsync(ScreeningBotInterview plan, int user, LoopbackHttpConnection http, Uri bot, TurnRecorder recorder, CancellationToken stop)
    {
        var serviceUrl = new Uri(bot, "/playground/").ToString();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var tag = string.Create(CultureInfo.InvariantCulture, $"{plan.RunId}-v{user}-i{n}");
            var candidate = new { Id = "candidate:" + tag, Name = "Cand-" + tag };
            var conversation = "dm:" + candidate.Id;
            var started = Stopwatch.GetTimestamp();
            var (status, body) = await http.PostAsync(Invite(serviceUrl, user, candidate.Id, candidate.Name, tag), stop);
            if (stop.IsCancellationRequested && status == 0)
            {
                return;
            }

            if (status != 200 || !body.Contains("Invited @" + candidate.Name, StringComparison.Ordinal))
            {
                recorder.Error(started, Stopwatch.GetTimestamp(), $"invitation: HTTP {status} {body}");
                if (status == 0 && !stop.IsCancellationRequested)
                {
                    await Task.Delay(20, CancellationToken.None); // not listening yet (cold start) or restarting
                }

                continue;
            }

            var answers = plan.Answers();
            var position = new Position(0, 0, null);
            for (var turn = 1; !stop.IsCancellationRequested; turn++)
            {
                if (turn > 60)
                {
                    recorder.Error(started, Stopwatch.GetTimestamp(), "no end after 60 answers");
                    break;
                }

                var answer = answers.Next(plan.QuestionId(position)) ?? "skip";
                var t0 = Stopwatch.GetTimestamp();
                (status, body) = await http.PostAsync(Message(serviceUrl, candidate.Id, candidate.Name, conversation, $"{tag}-t{turn}", answer), stop);
                var t1 = Stopwatch.GetTimestamp();
                if (stop.IsCancellationRequested && status == 0)
                {
                    return;
                }

                var (next, done, error) = status == 200 ? plan.Next(body, position) : (position, false, $"HTTP {status} {body}");
                if (error is not null)
                {
                    recorder.Error(t0, t1, $"{candidate.Name} answer {turn} [{plan.QuestionId(position)}]: {error}");
                    break;
                }

                recorder.Turn(t0, t1);
                if (done)
                {
                    recorder.InterviewDone(t1);
                    break;
                }

                position = next;
            }
        }
    }

    /// <summary>Runs the peer's interviews for simulated user <paramref name="user"/> until <paramref name="stop"/>.</summary>
    public static async Task PeerAsync(string runId, int user, LoopbackHttpConnection http, TurnRecorder recorder, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var conversation = string.Create(CultureInfo.InvariantCulture, $"{runId}-v{user}-i{n}");
            for (var turn = 0; turn <= PeerQuestions && !stop.IsCancellationRequested; turn++)
            {
                var text = turn == 0 ? "hi" : PeerAnswer(user, turn);
                var t0 = Stopwatch.GetTimestamp();
                var (status, body) = await http.PostAsync(PeerMessage(user, conversation, turn, text), stop);
                var t1 = Stopwatch.GetTimestamp();
                if (stop.IsCancellationRequested && status == 0)
                {
                    return;
                }

                var expected = turn < PeerQuestions ? string.Create(CultureInfo.InvariantCulture, $"Question {turn + 1} of {PeerQuestions}") : PeerClosingText;
                if (status != 200 || !body.Contains(expected, StringComparison.Ordinal))
                {
                    recorder.Error(t0, t1, $"peer turn {turn}: expected '{expected}', got HTTP {status} {body}");
                    break;
                }

                recorder.Turn(t0, t1);
                if (turn == PeerQuestions)
                {
                    recorder.InterviewDone(t1);
                }
            }
        }
    }

    private static string Invite(string serviceUrl, int user, string candidateId, string candidateName, string tag)
    {
        var activity = Activity(serviceUrl, $"{tag}-invite", new JsonObject { ["id"] = "recruiter:bench", ["name"] = "Bench Recruiter" },
            new JsonObject { ["id"] = string.Create(CultureInfo.InvariantCulture, $"playground:hiring-v{user}"), ["isGroup"] = true, ["conversationType"] = "channel" });
        activity["text"] = $"<at>Screener</at> screen <at>{candidateName}</at> backend-senior";
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = "bot:screener", ["name"] = "Screener" }, ["text"] = "<at>Screener</at>" },
            new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = candidateId, ["name"] = candidateName }, ["text"] = $"<at>{candidateName}</at>" });
        return activity.ToJsonString();
    }

    private static string Message(string serviceUrl, string candidateId, string candidateName, string conversation, string id, string text)
    {
        var activity = Activity(serviceUrl, id, new JsonObject { ["id"] = candidateId, ["name"] = candidateName },
            new JsonObject { ["id"] = conversation, ["isGroup"] = false, ["conversationType"] = "personal" });
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity.ToJsonString();
    }

    private static JsonObject Activity(string serviceUrl, string id, JsonObject from, JsonObject conversation) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "playground",
        ["from"] = from,
        ["conversation"] = conversation,
        ["recipient"] = new JsonObject { ["id"] = "bot:screener", ["name"] = "Screener" },
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
    };

    private static string PeerMessage(int user, string conversation, int turn, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = string.Create(CultureInfo.InvariantCulture, $"{conversation}-{turn}"),
        ["timestamp"] = DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["channelId"] = "bench",
        ["from"] = new JsonObject { ["id"] = string.Create(CultureInfo.InvariantCulture, $"candidate-{user}"), ["name"] = "Candidate", ["role"] = "user" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal" },
        ["recipient"] = new JsonObject { ["id"] = "peer-bot", ["name"] = "Peer", ["role"] = "bot" },
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
        ["text"] = text,
        ["textFormat"] = "plain",
    }.ToJsonString();

    /// <summary>About 300 characters of an experienced backend developer's answer, varied by user and turn.</summary>
    private static string PeerAnswer(int user, int turn)
    {
        const string Story = "Our order service answered partners over REST and the trouble was a slow report query that locked the invoices table. " +
            "I measured it with pg_stat_statements, added a covering index, moved the export to a nightly job behind a queue with retries and an idempotency key, " +
            "and watched p95 fall from eight hundred to sixty milliseconds while errors stayed flat for a month. ";
        var offset = (user * 31 + turn * 97) % 120;
        return string.Create(CultureInfo.InvariantCulture, $"Answer {turn}: ") + (Story + Story)[offset..(offset + 285)];
    }

    /// <summary>Where an interview stands: the main question (index into the plan's list), follow-ups asked of it, the last prompt.</summary>
    internal readonly record struct Position(int Main, int FollowUps, string? Prompt);
}

/// <summary>
/// The backend-senior interview as the candidate sees it: the main questions in order (recognised by their text from the
/// profile), follow-ups in between, the closing message; answers from a rehearsal script keyed by question id.
/// </summary>
internal sealed class ScreeningBotInterview
{
    private const int MaxFollowUps = 5;
    private readonly List<(string Id, string Snippet, bool Judged)> _main = [];
    private readonly string _answersPath;
    private readonly string _answersText;

    public ScreeningBotInterview(string root, string profileId, string answersPath)
    {
        var catalog = ProfileCatalog.Load(Path.Combine(root, "profiles"));
        var profile = catalog.Profiles.SingleOrDefault(p => p.Id == profileId)
            ?? throw new InvalidOperationException($"profile '{profileId}' not found in {root}/profiles");
        _main.Add(("consent", string.Empty, false));
        _main.AddRange(profile.Knockouts.Select(k => (k.Id, Snippet(k.Question), false)));
        _main.AddRange(profile.CustomQuestions.Select(q => (q.Id, Snippet(q.Text), true)));
        _main.AddRange(profile.Blueprints.Select(b => (b.Id, Snippet(b.Text), true)));
        _answersPath = answersPath;
        _answersText = File.ReadAllText(answersPath);
        _ = Answers(); // fail early on a bad script
        RunId = "b" + Guid.NewGuid().ToString("N")[..8];
    }

    public string RunId { get; init; }

    public RehearsalAnswers Answers() =>
        RehearsalAnswers.Parse(_answersPath, _answersText, out var error) ?? throw new InvalidOperationException(error);

    public string QuestionId(InterviewScripts.Position position) =>
        position.FollowUps == 0 ? _main[position.Main].Id : string.Create(CultureInfo.InvariantCulture, $"{_main[position.Main].Id}.f{position.FollowUps}");

    /// <summary>The position after the bot's reply <paramref name="body"/>, whether the interview ended, or what was wrong with the reply.</summary>
    public (InterviewScripts.Position Next, bool Done, string? Error) Next(string body, InterviewScripts.Position position)
    {
        string? prompt = null;
        var closing = false;
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var activity in document.RootElement.GetProperty("activities").EnumerateArray())
            {
                if (activity.TryGetProperty("text", out var text) && text.GetString() is { } t)
                {
                    if (activity.TryGetProperty("inputHint", out var hint) && hint.GetString() == "expectingInput")
                    {
                        prompt = t;
                    }
                    else if (t.Contains(InterviewScripts.ClosingText, StringComparison.Ordinal))
                    {
                        closing = true;
                    }
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (position, false, "the reply is not an activities list: " + e.Message);
        }

        if (prompt is null)
        {
            return closing && position.Main == _main.Count - 1 ? (position, true, null) : (position, false, "no prompt in the reply: " + body);
        }

        var main = _main.FindIndex(1, q => prompt.Contains(q.Snippet, StringComparison.Ordinal));
        if (main >= 0)
        {
            return main == position.Main + 1 ? (new(main, 0, prompt), false, null) : (position, false, $"asked {_main[main].Id} after {_main[position.Main].Id}");
        }

        if (!_main[position.Main].Judged || prompt == position.Prompt || position.FollowUps >= MaxFollowUps)
        {
            return (position, false, $"unexpected prompt after {QuestionId(position)}: {prompt}");
        }

        return (new(position.Main, position.FollowUps + 1, prompt), false, null);
    }

    private static string Snippet(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length <= 40 ? line : line[..40];
    }
}
