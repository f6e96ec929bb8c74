using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Testing.InterviewLinks;

/// <summary>
/// A candidate's interview page as plain HTTP calls, the way bot/InterviewLinks/Page/interview.js makes them: it reads the
/// conversation after its cursor, answers with typed text or a clicked choice (a fresh message id each time), and keeps
/// everything it was shown. The link a recruiter was given names a public host; only its path is used, against the bot
/// under test on loopback.
/// </summary>
public sealed partial class InterviewLinkClient(HttpClient http, string link)
{
    private readonly List<JsonObject> _messages = [];

    /// <summary><c>/interview/{token}</c>.</summary>
    public string PagePath { get; } = new Uri(link).AbsolutePath;

    public string MessagesPath => PagePath + "/messages";

    /// <summary>The last transcript sequence seen; -1 before the first read.</summary>
    public long Cursor { get; private set; } = -1;

    /// <summary>The last page state the bot answered with.</summary>
    public JsonObject? State { get; private set; }

    /// <summary>Every line of the conversation seen so far, in order.</summary>
    public IReadOnlyList<JsonObject> Messages => _messages;

    public IEnumerable<string> BotTexts => _messages.Where(m => (string?)m["from"] == "bot").Select(m => (string)m["text"]!);

    /// <summary>The interview link in a recruiter's answer (Teams, Slack or the command line), or a failure naming the text.</summary>
    public static string LinkIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = LinkPattern().Match(text);
        return match.Success ? match.Value : throw new InvalidOperationException($"No interview link in: {text}");
    }

    public Task<HttpResponseMessage> GetPageAsync() => http.GetAsync(new Uri(PagePath, UriKind.Relative));

    /// <summary>Reads the conversation after the cursor, waiting up to <paramref name="wait"/> seconds for news.</summary>
    public async Task<JsonObject> ReadAsync(int wait = 0)
    {
        using var response = await http.GetAsync(new Uri($"{MessagesPath}?after={Cursor}&wait={wait}", UriKind.Relative));
        return await TakeAsync(response);
    }

    public Task<JsonObject> SendTextAsync(string text) => AnswerAsync(new JsonObject { ["id"] = NewId(), ["text"] = text, ["after"] = Cursor });

    /// <summary>Clicks the choice with <paramref name="value"/> of the question the page shows now.</summary>
    public Task<JsonObject> ClickAsync(string value)
    {
        var prompt = State?["prompt"] ?? throw new InvalidOperationException("The page shows no buttons now.");
        return AnswerAsync(new JsonObject { ["id"] = NewId(), ["choice"] = value, ["questionId"] = prompt["questionId"]?.DeepClone(), ["after"] = Cursor });
    }

    /// <summary>POSTs an answer body as it is; the caller reads the response.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await http.PostAsync(new Uri(MessagesPath, UriKind.Relative), content);
    }

    /// <summary>
    /// Answers every question from a rehearsal script (profiles/rehearsals/*.yaml), clicking a button when the answer is one
    /// of its values and typing otherwise, until the interview ends. Returns how many answers were sent, and whether any
    /// were clicked and any typed.
    /// </summary>
    public async Task<(int Answers, bool Clicked, bool Typed)> AnswerAllAsync(Profile profile, string scriptPath, int maxAnswers = 80)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var answers = RehearsalAnswers.Parse(scriptPath, await File.ReadAllTextAsync(scriptPath), out var error) ?? throw new InvalidOperationException(error);
        var (count, clicked, typed) = (0, false, false);
        State ??= await ReadAsync();
        while ((string?)State["state"] != "ended")
        {
            if (++count > maxAnswers)
            {
                throw new InvalidOperationException($"The interview did not end within {maxAnswers} answers; last question: {BotTexts.LastOrDefault()}");
            }

            var prompt = State["prompt"];
            var last = BotTexts.LastOrDefault() ?? string.Empty;
            var questionId = (string?)prompt?["questionId"] ?? QuestionIdOf(profile, last);
            var answer = answers.Next(questionId) ?? throw new InvalidOperationException($"The script has no answer for '{questionId}': {last}");
            var choice = prompt?["choices"]?.AsArray().Select(c => (string?)c!["value"]).FirstOrDefault(v => string.Equals(v, answer, StringComparison.OrdinalIgnoreCase));
            if (choice is not null)
            {
                clicked = true;
                await ClickAsync(choice);
            }
            else
            {
                typed = true;
                await SendTextAsync(answer);
            }
        }

        return (count, clicked, typed);
    }

    /// <summary>The profile question <paramref name="botText"/> asks (the longest whose text it contains); null for an adaptive follow-up.</summary>
    public static string? QuestionIdOf(Profile profile, string botText)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(botText);
        (string Id, string Text)[] questions =
        [
            .. profile.Knockouts.Select(k => (k.Id, k.Question.Trim())),
            .. profile.CustomQuestions.Select(q => (q.Id, q.Text.Trim())),
            .. profile.Blueprints.Select(b => (b.Id, b.Text.Trim())),
            .. profile.Blueprints.SelectMany(b => b.FollowUps).Select(f => (f.Id, f.Text.Trim())),
        ];
        return questions.Where(q => botText.Contains(q.Text, StringComparison.Ordinal)).OrderByDescending(q => q.Text.Length).Select(q => q.Id).FirstOrDefault();
    }

    private async Task<JsonObject> AnswerAsync(JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(new Uri(MessagesPath, UriKind.Relative), body);
        return await TakeAsync(response);
    }

    private async Task<JsonObject> TakeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from the interview link: {text}", null, response.StatusCode);
        }

        var state = JsonNode.Parse(text)!.AsObject();
        foreach (var message in state["messages"]!.AsArray().Select(m => m!.AsObject()))
        {
            if (_messages.All(m => (long)m["seq"]! != (long)message["seq"]!))
            {
                _messages.Add((JsonObject)message.DeepClone());
            }
        }

        Cursor = Math.Max(Cursor, (long)state["cursor"]!);
        State = state;
        return state;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [GeneratedRegex(@"https?://[^\s`<>]+/interview/[A-Za-z0-9._-]+")]
    private static partial Regex LinkPattern();
}
