using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Benchmarks;

/// <summary>
/// Whole Teams journeys over HTTP: the real bot on Kestrel (loopback, JWT validation on, SQLite, offline judge) and
/// the fake Bot Connector that the tests use. Measures what the in-process <see cref="CoreBenchmark"/> cannot: the
/// HTTP turn as Teams sees it, and how long after the candidate's last answer the scorecard reaches the hiring channel
/// (budget: under 5 s with the offline judge), which includes the scoring queue's polling.
/// </summary>
internal static class JourneyBenchmark
{
    private const int MaxTurns = 80;

    public static async Task<int> RunAsync(string root, int interviews, int concurrency, TextWriter output)
    {
        // WebApplicationFactory finds the bot's content root from a manifest next to a test assembly's working folder;
        // this process runs from the repository root, so name it the documented way.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SCREENINGBOT_BOT", Path.Combine(root, "bot"));
        // BotAppFactory gives the bot a temporary SQLite database (deleted on dispose) and the offline judge.
        await using var bot = await TeamsBotHarness.StartAsync(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = Path.Combine(root, "profiles") });
        var scriptPath = Path.Combine(root, "profiles", "rehearsals", "backend-senior-strong.yaml");
        // One Bot Connector token (valid an hour) for every request, as the real connector reuses its tokens: signing a
        // fresh RSA token per request would bill the benchmark's own work to the bot.
        var token = bot.ValidToken();
        await output.WriteLineAsync($"journey: {interviews} Teams interviews of backend-senior over HTTP, {concurrency} at once (SQLite, offline judge)");

        // Two journeys first so the figures are of warmed-up code (JIT, token cache, OpenID metadata, connection pool).
        for (var w = 0; w < 2; w++)
        {
            await RunJourneyAsync(bot, token, scriptPath, new TeamsUser($"29:1warm-{w}", $"Warm Up {w}", Guid.NewGuid().ToString()), new Stats());
        }

        var turnLatency = new Stats();
        var scorecardDelay = new Stats();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(concurrency);
        var results = await Task.WhenAll(Enumerable.Range(0, interviews).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var candidate = new TeamsUser($"29:1candidate-{i}", $"Candidate {i:D3}", Guid.NewGuid().ToString());
                return await RunJourneyAsync(bot, token, scriptPath, candidate, turnLatency);
            }
            finally
            {
                gate.Release();
            }
        }));
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        foreach (var result in results)
        {
            scorecardDelay.Add(result.ScorecardAfter.TotalMilliseconds);
        }

        var turns = results.Sum(r => r.Turns);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  turns:            {turns:N0} in {wall.Elapsed.TotalSeconds:0.00} s = {turns / wall.Elapsed.TotalSeconds:N0} turns/s"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  CPU per turn:     {cpu.TotalMilliseconds / turns:0.000} ms (bot + fake connector + HTTP client in one process, so an upper bound for the bot)"));
        await output.WriteLineAsync($"  HTTP turn:        {turnLatency.Describe("ms")} (POST /api/messages until the bot's next prompt reached the connector)");
        await output.WriteLineAsync($"  scorecard after:  {scorecardDelay.Describe("ms")} (last answer until the scorecard card reached the hiring channel; budget < 5 s)");
        return 0;
    }

    private static async Task<(int Turns, TimeSpan ScorecardAfter)> RunJourneyAsync(TeamsBotHarness bot, string token, string scriptPath, TeamsUser candidate, Stats turnLatency)
    {
        var conversation = TeamsActivities.PersonalConversationId(candidate);
        var command = bot.Activities.ChannelMessage(TeamsUser.Recruiter, $"screen <at>{candidate.Name}</at> backend-senior", candidate);
        Ensure(await bot.PostAsync(command, token), "the screen command");
        var recorded = await bot.Connector.WaitForAsync(r => Prompts(r, conversation).Any(), what: $"the consent prompt for {candidate.Name}");
        var prompt = Prompts(recorded, conversation).Last();
        var script = new ScriptedCandidate(TestProfiles.BackendSenior, scriptPath);
        var turns = 0;
        var lastAnswer = 0L;
        while (prompt.InputHint != "ignoringInput")
        {
            if (++turns > MaxTurns)
            {
                throw new InvalidOperationException($"The interview of {candidate.Name} did not end within {MaxTurns} answers; last prompt: {prompt.Text}");
            }

            var seen = Prompts(bot.Connector.Requests, conversation).Count();
            var (text, submit) = script.Answer(prompt.Activity!);
            var answer = submit is not null ? bot.Activities.CardSubmit(candidate, submit) : bot.Activities.PersonalMessage(candidate, text!);
            lastAnswer = Stopwatch.GetTimestamp();
            Ensure(await bot.PostAsync(answer, token), $"answer {turns} of {candidate.Name}");
            var after = await bot.Connector.WaitForAsync(r => Prompts(r, conversation).Skip(seen).Any(), what: $"the bot's answer to turn {turns} of {candidate.Name}");
            turnLatency.Add(Stopwatch.GetElapsedTime(lastAnswer).TotalMilliseconds);
            prompt = Prompts(after, conversation).Skip(seen).Last();
        }

        // The scorecard thread names the candidate; the channel holds every candidate's scorecard.
        await bot.Connector.WaitForAsync(r => r.Any(x => IsScorecardFor(x, candidate)), TimeSpan.FromSeconds(60), $"the scorecard of {candidate.Name}");
        return (turns, Stopwatch.GetElapsedTime(lastAnswer));
    }

    private static void Ensure(HttpResponseMessage response, string what)
    {
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The bot answered {(int)response.StatusCode} to {what}.");
            }
        }
    }

    private static IEnumerable<RecordedRequest> Prompts(IReadOnlyList<RecordedRequest> requests, string conversationId) =>
        requests.Where(r => r.Operation is "send" or "reply" && r.ConversationId == conversationId && r.ActivityType == "message" && r.InputHint is "expectingInput" or "ignoringInput");

    private static bool IsScorecardFor(RecordedRequest request, TeamsUser candidate) =>
        request.Operation == "createConversation"
        && request.Body?["channelData"]?["channel"]?["id"]?.GetValue<string>() == TeamsActivities.ChannelId
        && request.Card is JsonNode card
        && card.ToJsonString().Contains(candidate.Name, StringComparison.Ordinal);
}
