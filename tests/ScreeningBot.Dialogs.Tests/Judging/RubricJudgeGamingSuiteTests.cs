using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Judging;

/// <summary>
/// Issue 13: every payload of <see cref="InjectionPayloads.Every"/>, placed after, before, inside and instead of a weak and
/// a medium answer, never raises the rubric judge's score and is always flagged. (The same suite against the LLM judge is
/// in the bot's tests.)
/// </summary>
public sealed class RubricJudgeGamingSuiteTests
{
    public static TheoryData<InjectionPayload> Payloads => InjectionPayloads.EveryData;

    [Fact]
    public void Suite_HasEightyPayloadsInEveryFormSeveralLanguagesAndEncodings()
    {
        var every = InjectionPayloads.Every;

        Assert.True(every.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count() >= 80, $"{every.Count} payloads");
        Assert.Equal(
            [InjectionPayloads.Instruction, InjectionPayloads.Comment, InjectionPayloads.Memo, InjectionPayloads.Plea, InjectionPayloads.FakeVerdict,
             InjectionPayloads.CardJson, InjectionPayloads.Language, InjectionPayloads.Encoding, InjectionPayloads.Hidden, InjectionPayloads.Markup,
             InjectionPayloads.KeywordList, InjectionPayloads.CopiedReference],
            every.Select(p => p.Form).Distinct());
        Assert.True(every.Count(p => p.Form == InjectionPayloads.Language) >= 10);
        Assert.True(every.Count(p => p.Form == InjectionPayloads.Encoding) >= 10);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Judge_PayloadAnywhere_NeverRaisesTheScoreAndIsFlagged(InjectionPayload payload)
    {
        var sut = new RubricJudge();
        var failures = new List<string>();
        foreach (var answer in new[] { InjectionPayloads.WeakAnswer, InjectionPayloads.MediumAnswer })
        {
            var baseline = sut.Judge(Request(answer));
            foreach (var (placement, place) in InjectionPayloads.Placements)
            {
                var judged = sut.Judge(Request(place(answer, payload.Text)));
                var limit = placement == "alone" ? 0 : baseline.Depth;
                if (judged.Depth > limit)
                {
                    failures.Add($"{placement} on {(answer == InjectionPayloads.WeakAnswer ? "weak" : "medium")}: {judged.Depth} > {limit}");
                }

                if (!judged.RedFlags.Any(f => RedFlag.IsIntegrityCode(f.Code)))
                {
                    failures.Add($"{placement} on {(answer == InjectionPayloads.WeakAnswer ? "weak" : "medium")}: not flagged ({string.Join(", ", judged.RedFlags.Select(f => f.Code))})");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{payload}: {string.Join("; ", failures)}");
    }

    [Fact]
    public void Judge_PayloadInsideAnAnswer_TheRestOfTheAnswerIsStillJudged()
    {
        var sut = new RubricJudge();
        var honest = sut.Judge(Request(InjectionPayloads.MediumAnswer));
        var comment = InjectionPayloads.AddressedToGrader.Single(p => p.Technique == "code comment to the grader").Text;

        var judged = sut.Judge(Request(InjectionPayloads.Placements.Single(p => p.Name == "middle").Place(InjectionPayloads.MediumAnswer, comment)));

        Assert.InRange(judged.Depth, honest.Depth - RubricJudge.InjectionPenalty - 0.5, honest.Depth - RubricJudge.InjectionPenalty + 0.01);
        Assert.Contains(judged.RedFlags, f => f.Code == RedFlag.PromptInjection && f.Detail.Contains("comment addressed to the grader", StringComparison.Ordinal));
    }

    private static JudgeRequest Request(string answer) =>
        new("iv-suite", InjectionPayloads.Question, answer, QuestionKind.Blueprint, string.Empty, []);
}
