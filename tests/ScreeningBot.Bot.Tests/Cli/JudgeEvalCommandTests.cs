using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Cli;

public sealed class JudgeEvalCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("judge-eval-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task RunAsync_TestSplit_WritesDevAndTestPredictions()
    {
        var items = WriteDataSet();
        var output = Path.Combine(_root.FullName, "preds.jsonl");

        var exitCode = await RunAsync("--split", "test", "--items", items, "--out", output);

        Assert.Equal(0, exitCode);
        var predictions = ReadPredictions(output);
        Assert.Equal(["d.1", "d.2", "t.1", "t.2"], predictions.Keys);
        Assert.All(predictions.Values, score => Assert.InRange(score, 0, 5));
        Assert.True(predictions["d.1"] > predictions["d.2"], "the correct dev answer should outscore the wrong one");
        Assert.True(predictions["t.1"] > predictions["t.2"], "the correct test answer should outscore the empty one");
        Assert.Contains("judged 4 answers (2 dev + 2 test)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("p99", _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task RunAsync_DevSplit_WritesOnlyDevPredictions()
    {
        var items = WriteDataSet();
        var output = Path.Combine(_root.FullName, "dev.jsonl");

        var exitCode = await RunAsync("--split", "dev", "--items", items, "--out", output);

        Assert.Equal(0, exitCode);
        Assert.Equal(["d.1", "d.2"], ReadPredictions(output).Keys);
    }

    [Fact]
    public async Task RunAsync_MalformedLine_ExitsTwoNamingFileAndLine()
    {
        var items = WriteDataSet(extraLine: "{\"id\": \"x.1\", \"question_id\": ");

        var exitCode = await RunAsync("--split", "dev", "--items", items, "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        var error = Assert.Single(Lines(_error));
        Assert.Contains("items.jsonl:5: not valid JSON", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"x.1\", \"question_id\": \"d\", \"question\": \"q\", \"reference_answer\": \"r\"}", "field 'answer' is missing")]
    [InlineData("{\"id\": 7, \"question_id\": \"d\", \"question\": \"q\", \"reference_answer\": \"r\", \"answer\": \"a\"}", "at $.id")]
    [InlineData("{\"id\": \"d.1\", \"question_id\": \"d\", \"question\": \"q\", \"reference_answer\": \"r\", \"answer\": \"a\"}", "duplicate id 'd.1'")]
    [InlineData("[1, 2]", "not valid JSON")]
    public async Task RunAsync_InvalidItem_ExitsTwoWithReason(string line, string expected)
    {
        var items = WriteDataSet(extraLine: line);

        var exitCode = await RunAsync("--split", "dev", "--items", items, "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        var error = Assert.Single(Lines(_error));
        Assert.Contains(":5: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OverlappingSplits_ExitsTwo()
    {
        var items = WriteDataSet(split: """{"dev": ["d"], "test": ["d"]}""");

        var exitCode = await RunAsync("--split", "test", "--items", items, "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains("in both dev and test", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LlmJudgeNotConfigured_ExitsTwoWithOneLineNamingTheSetting()
    {
        var items = WriteDataSet();

        var exitCode = await RunAsync("--split", "test", "--judge", "llm", "--items", items, "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        var error = Assert.Single(Lines(_error));
        Assert.Contains("the LLM judge is not configured: Judge:Provider is Rubric", error, StringComparison.Ordinal);
        Assert.Contains("Judge__Provider", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root.FullName, "p.jsonl")));
    }

    [Fact]
    public async Task RunAsync_LlmJudgeMisconfigured_ExitsTwoWithTheValidationMessage()
    {
        var exitCode = await RunAsync(
            new Dictionary<string, string?> { ["Judge:Provider"] = "AzureOpenAI", ["Judge:Deployment"] = "gpt-4o-mini" },
            "--split", "test", "--judge", "llm", "--items", WriteDataSet(), "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Judge:Endpoint is empty", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LlmJudge_WritesEveryPredictionWithItsJudgeAndTokensAndShowsProgress()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = request => ChatCompletionReply.Judgment(request.MessageText("user").Contains("stores passwords", StringComparison.Ordinal) ? 0.5 : 4, promptTokens: 300, completionTokens: 50);
        var output = Path.Combine(_root.FullName, "llm.jsonl");

        var exitCode = await RunAsync(LlmSettings(server), "--split", "test", "--judge", "llm", "--concurrency", "2", "--items", WriteDataSet(), "--out", output);

        Assert.True(exitCode == 0, _error.ToString());
        var lines = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["d.1", "d.2", "t.1", "t.2"], lines.Select(l => l.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Equal("Llm", l.GetProperty("judged_by").GetString()));
        Assert.All(lines, l => Assert.Equal(300, l.GetProperty("input_tokens").GetInt32()));
        Assert.Equal(0.5, lines.Single(l => l.GetProperty("id").GetString() == "d.2").GetProperty("score").GetDouble());
        Assert.Equal(4, server.Requests.Count);
        Assert.InRange(server.MaxInFlight, 1, 2);
        Assert.Contains("1,200 input + 200 output tokens (≈ $0.01)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[####################] 100% 4/4 judged, 0 fell back", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("[....................]   0% 0/4 judged", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LlmJudgeResume_JudgesOnlyWhatIsMissingFellBackOrTorn()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => ChatCompletionReply.Judgment(3);
        var output = Path.Combine(_root.FullName, "resume.jsonl");
        File.WriteAllText(output,
            """{"id":"d.1","score":4.5,"judged_by":"Llm","fallback_reason":null,"input_tokens":10,"output_tokens":5}""" + "\n" +
            """{"id":"d.2","score":1,"judged_by":"RubricFallback","fallback_reason":"timeout","input_tokens":0,"output_tokens":0}""" + "\n" +
            """{"id":"t.1","sco""");

        var exitCode = await RunAsync(LlmSettings(server), "--split", "test", "--judge", "llm", "--resume", "--items", WriteDataSet(), "--out", output);

        Assert.True(exitCode == 0, _error.ToString());
        Assert.Equal(3, server.Requests.Count);
        var predictions = ReadPredictions(output);
        Assert.Equal(4.5, predictions["d.1"]);
        Assert.Equal(["d.1", "d.2", "t.1", "t.2"], predictions.Keys.Order(StringComparer.Ordinal));
        Assert.All(predictions.Where(p => p.Key != "d.1"), p => Assert.Equal(3, p.Value));
        Assert.Contains("1 kept from", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LlmJudgeUnreachable_ReportsTheFallbacks()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Responder = _ => ChatCompletionReply.Error(503);
        var output = Path.Combine(_root.FullName, "down.jsonl");

        var exitCode = await RunAsync(LlmSettings(server), "--split", "dev", "--judge", "llm", "--items", WriteDataSet(), "--out", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: 2 answers fell back to the rubric judge (unavailable (HTTP 503): 2)", _output.ToString(), StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(output), l => Assert.Contains("\"judged_by\":\"RubricFallback\"", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--resume")]
    [InlineData("--concurrency", "2")]
    public async Task RunAsync_LlmOnlyOptionWithTheRubricJudge_ExitsTwo(params string[] option)
    {
        var exitCode = await RunAsync(["--split", "dev", .. option, "--items", WriteDataSet(), "--out", Path.Combine(_root.FullName, "p.jsonl")]);

        Assert.Equal(2, exitCode);
        Assert.Contains("apply to --judge llm", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("two")]
    public async Task RunAsync_BadConcurrency_ExitsTwo(string value)
    {
        var exitCode = await RunAsync("--split", "dev", "--judge", "llm", "--concurrency", value, "--items", WriteDataSet(), "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--concurrency must be a whole number from 1 to 64", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--split", "train")]
    [InlineData("--split", "test", "--judge", "oracle")]
    [InlineData("--split", "test", "--bogus", "1")]
    [InlineData("--split", "test", "--warm-up", "-1")]
    public async Task RunAsync_BadArguments_ExitsTwo(params string[] arguments)
    {
        var exitCode = await RunAsync([.. arguments, "--out", Path.Combine(_root.FullName, "p.jsonl"), "--items", WriteDataSet()]);

        Assert.Equal(2, exitCode);
        Assert.Single(Lines(_error));
    }

    [Fact]
    public void Locate_RepositoryBesideShared_FindsItemsFromDeepInsideTheRepository()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "shared", "eval", "answer-grading"));
        File.WriteAllText(Path.Combine(folder.FullName, "items.jsonl"), string.Empty);
        var deep = Directory.CreateDirectory(Path.Combine(_root.FullName, "repo", "bot", "bin", "Debug"));

        var found = AnswerGradingSet.Locate([Path.Combine(_root.FullName, "elsewhere-that-does-not-exist"), deep.FullName]);

        Assert.Equal(Path.Combine(folder.FullName, "items.jsonl"), found);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _root.Delete(recursive: true);
    }

    private Task<int> RunAsync(params string[] arguments) => RunAsync(new Dictionary<string, string?>(), arguments);

    private async Task<int> RunAsync(Dictionary<string, string?> settings, params string[] arguments)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextReader.Null, _output, _error, configuration, new FakeTimeProvider());
        return await CommandLine.RunAsync(["judge-eval", .. arguments, .. WarmUp(arguments)], context, CancellationToken.None);
    }

    private static Dictionary<string, string?> LlmSettings(OpenAiTestServer server) => new()
    {
        ["Judge:Provider"] = "OpenAI",
        ["Judge:Endpoint"] = server.OpenAiEndpoint.ToString(),
        ["Judge:Model"] = "test-model",
        ["Judge:InputPricePer1KTokensUsd"] = "0.005",
        ["Judge:OutputPricePer1KTokensUsd"] = "0.015",
    };

    // The fake clock never moves, so a timed warm-up would run to its cap; these tests skip it.
    private static string[] WarmUp(string[] arguments) => arguments.Contains("--warm-up") ? [] : ["--warm-up", "0"];

    /// <summary>Writes a four-answer set: two questions, one in each split; returns the items path.</summary>
    private string WriteDataSet(string? extraLine = null, string split = """{"dev": ["d"], "test": ["t"]}""")
    {
        var lines = new List<string>
        {
            Item("d.1", "d", "What does a load balancer do?", "It spreads incoming requests across several healthy servers.",
                "It spreads the incoming requests over several servers and skips unhealthy ones."),
            Item("d.2", "d", "What does a load balancer do?", "It spreads incoming requests across several healthy servers.",
                "It stores passwords."),
            Item("t.1", "t", "What is a database index for?", "It lets the database find rows without scanning the whole table.",
                "An index lets the database find matching rows quickly instead of scanning every row of the table."),
            Item("t.2", "t", "What is a database index for?", "It lets the database find rows without scanning the whole table.", "no idea"),
        };
        if (extraLine is not null)
        {
            lines.Add(extraLine);
        }

        var items = Path.Combine(_root.FullName, "items.jsonl");
        File.WriteAllLines(items, lines);
        File.WriteAllText(Path.Combine(_root.FullName, "split.json"), split);
        return items;
    }

    private static string Item(string id, string questionId, string question, string reference, string answer) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = id, ["question_id"] = questionId, ["question"] = question, ["reference_answer"] = reference, ["answer"] = answer,
            ["score_mean"] = 5.0,
        });

    private static Dictionary<string, double> ReadPredictions(string path) =>
        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("score").GetDouble());

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
