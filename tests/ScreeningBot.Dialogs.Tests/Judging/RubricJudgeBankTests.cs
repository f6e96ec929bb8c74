using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Tests.Profiles;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Judging;

/// <summary>Issue 2: for every blueprint in the bank, a strong answer scores higher than a vague one on the same question.</summary>
public sealed class RubricJudgeBankTests
{
    public static TheoryData<string> BankIds() => [.. TestProfiles.Catalog.Bank.Ids];

    [Theory]
    [MemberData(nameof(BankIds))]
    public async Task JudgeAsync_EveryBankBlueprint_StrongAnswerBeatsVagueAnswer(string blueprintId)
    {
        Assert.True(TestProfiles.Catalog.Bank.TryGet(blueprintId, out var blueprint));
        var (strong, vague) = ShippedProfilesTests.LoadBankAnswers()[blueprintId];
        var sut = new RubricJudge();

        var strongJudgment = await sut.JudgeAsync(Request(blueprint, strong), CancellationToken.None);
        var vagueJudgment = await sut.JudgeAsync(Request(blueprint, vague), CancellationToken.None);

        Assert.True(strongJudgment.Depth > vagueJudgment.Depth + 1.0, $"{blueprintId}: strong {strongJudgment.Depth} vs vague {vagueJudgment.Depth}");
        Assert.True(strongJudgment.Specificity > vagueJudgment.Specificity, $"{blueprintId}: specificity strong {strongJudgment.Specificity} vs vague {vagueJudgment.Specificity}");
        Assert.True(vagueJudgment.NeedsFollowUp, $"{blueprintId}: the vague answer should ask for a follow-up");
        Assert.Contains(strongJudgment.EvidenceQuote!, strong, StringComparison.Ordinal);
    }

    private static JudgeRequest Request(Blueprint blueprint, string answer) =>
        new("iv-bank", QuestionContext.From(blueprint), answer, QuestionKind.Blueprint, string.Empty, []);
}
