using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;

namespace ScreeningBot.Bot.Tests.Cli;

public sealed class CefrEvalCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cefr-eval-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private const string Items = """
        {"id": "tr-1", "split": "train", "text": "He died in Paris in 2017 .", "a": 1, "b": 1}
        {"id": "dv-1", "split": "dev", "text": "The committee postponed its verdict pending an exhaustive audit .", "a": 4, "b": 5}

        {"id": "te-1", "split": "test", "text": "Notwithstanding its ostensible simplicity , the doctrine engendered considerable controversy .", "a": 6, "b": 5}
        {"id": "x-1", "text": "A line with no split and no levels is estimated too ."}
        """;

    [Fact]
    public async Task RunAsync_ItemsOfEverySplit_WritesOneLevelPerItemInFileOrder()
    {
        var output = Path.Combine(_root.FullName, "preds.jsonl");

        var exitCode = await RunAsync("--items", Write(Items), "--out", output);

        Assert.Equal(0, exitCode);
        var predictions = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["tr-1", "dv-1", "te-1", "x-1"], predictions.Select(p => p.GetProperty("id").GetString()));
        var levels = predictions.Select(p => p.GetProperty("level").GetDouble()).ToArray();
        Assert.All(levels, l => Assert.InRange(l, 1, 6));
        Assert.True(levels[2] > levels[0] + 1.5, $"hard {levels[2]} vs easy {levels[0]}");
        Assert.Contains("estimated 4 sentences (1 dev, 1 no split, 1 test, 1 train)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("µs per sentence", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("evaluate.py", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("100% 4/4 sentences", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public async Task RunAsync_MissingItemsFile_ExitsTwoSayingWhatToPass()
    {
        var missing = Path.Combine(_root.FullName, "nope.jsonl");

        var exitCode = await RunAsync("--items", missing, "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        var error = Assert.Single(Lines(_error));
        Assert.Contains("nope.jsonl: file not found; pass --items PATH", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"text\": ", "not valid JSON")]
    [InlineData("{\"text\": \"no id\"}", "\"id\" is missing or empty")]
    [InlineData("{\"id\": \"x\"}", "\"text\" is missing")]
    [InlineData("{\"id\": \"x\", \"text\": \"t\", \"a\": 7}", "\"a\" is 7; a level is a whole number from 1 (A1) to 6 (C2)")]
    [InlineData("{\"id\": \"x\", \"text\": \"t\", \"b\": \"B2\"}", "at $.b")]
    [InlineData("{\"id\": \"tr-1\", \"text\": \"t\"}", "duplicate id 'tr-1'")]
    [InlineData("[1, 2]", "not valid JSON")]
    public async Task RunAsync_BadLine_ExitsTwoNamingTheLineAndTheProblem(string line, string expected)
    {
        var output = Path.Combine(_root.FullName, "p.jsonl");

        var exitCode = await RunAsync("--items", Write(Items + "\n" + line), "--out", output);

        Assert.Equal(2, exitCode);
        var error = Assert.Single(Lines(_error));
        Assert.Contains("items.jsonl:6: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task RunAsync_EmptyFile_ExitsTwo()
    {
        var exitCode = await RunAsync("--items", Write("\n\n"), "--out", Path.Combine(_root.FullName, "p.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no items", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OutputFolderMissing_ExitsTwoNamingIt()
    {
        var exitCode = await RunAsync("--items", Write(Items), "--out", Path.Combine(_root.FullName, "no-such-folder", "p.jsonl"));

        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoOut_ExitsTwoWithUsage()
    {
        var exitCode = await RunAsync("--items", Write(Items));

        Assert.Equal(2, exitCode);
        Assert.Contains("option --out is required. usage: cefr-eval", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwo()
    {
        var exitCode = await RunAsync("--items", Write(Items), "--out", Path.Combine(_root.FullName, "p.jsonl"), "--split", "test");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown option --split", Assert.Single(Lines(_error)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _root.Delete(recursive: true);
    }

    private string Write(string content)
    {
        var path = Path.Combine(_root.FullName, "items.jsonl");
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<int> RunAsync(params string[] arguments)
    {
        var context = new CliContext(TextReader.Null, _output, _error, new ConfigurationBuilder().Build(), new FakeTimeProvider());
        return await CommandLine.RunAsync(["cefr-eval", .. arguments], context, CancellationToken.None);
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
