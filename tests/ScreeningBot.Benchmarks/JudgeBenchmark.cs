using System.Diagnostics;
using System.Globalization;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Benchmarks;

/// <summary>The offline judge on interview-length answers (the strong and vague bank answers), warmed up: µs per answer.</summary>
internal static class JudgeBenchmark
{
    public static async Task<int> RunAsync(string root, int rounds, TextWriter output)
    {
        var catalog = ProfileCatalog.Load(Path.Combine(root, "profiles"));
        var answersPath = Path.Combine(root, "tests", "ScreeningBot.Dialogs.Tests", "Judging", "bank-answers.yaml");
        var pairs = BankAnswers.Load(answersPath);
        var requests = catalog.Bank.Blueprints
            .Where(b => pairs.ContainsKey(b.Id))
            .SelectMany(b => new[] { pairs[b.Id].Strong, pairs[b.Id].Vague }.Select(a => new JudgeRequest("bench", QuestionContext.From(b), a, QuestionKind.Blueprint, string.Empty, [])))
            .ToArray();
        var judge = new RubricJudge();
        for (var i = 0; i < 200; i++)
        {
            foreach (var request in requests)
            {
                judge.Judge(request);
            }
        }

        var perAnswer = new Stats();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var request in requests)
            {
                var t = Stopwatch.GetTimestamp();
                judge.Judge(request);
                perAnswer.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
            }
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var chars = requests.Average(r => r.Answer.Length);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"judge: RubricJudge on {requests.Length} bank answers (mean {chars:0} characters), {rounds} rounds after warm-up"));
        await output.WriteLineAsync($"  per answer:  {perAnswer.Describe("µs")} (budget < 1,000 µs)");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  CPU:         {cpu.TotalMicroseconds / perAnswer.Count:0.0} µs per answer"));
        return 0;
    }
}
