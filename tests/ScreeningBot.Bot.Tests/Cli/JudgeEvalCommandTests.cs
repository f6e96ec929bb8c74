using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;

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
    public async Task RunAsync_LlmJudge_ExitsTwoWithOneLineNamingTheSetting()
    {
        var items = WriteDataSet();

        var exitCode = await RunAsync("--split", "test", "--judge", "llm", "--items", items, "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        var error = Assert.Single(Lines(_error));
        Assert.Contains("Judge:Provider", error, StringComparison.Ordinal);
        Assert.Contains("not available in this build", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root.FullName, "p.jsonl")));
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

    private async Task<int> RunAsync(params string[] arguments)
    {
        var context = new CliContext(TextReader.Null, _output, _error, new ConfigurationBuilder().Build(), new FakeTimeProvider());
        return await CommandLine.RunAsync(["judge-eval", .. arguments, .. WarmUp(arguments)], context, CancellationToken.None);
    }

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
