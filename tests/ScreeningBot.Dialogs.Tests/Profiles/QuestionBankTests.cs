using ScreeningBot.Dialogs.Profiles;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Profiles;

public sealed class QuestionBankTests
{
    [Fact]
    public void ParseBank_ValidFile_HoldsEntriesWithGeneratedFollowUpIds()
    {
        var sut = LoadBank();

        Assert.Equal(["rate-limits", "api-versioning"], sut.Ids);
        Assert.True(sut.TryGet("rate-limits", out var blueprint));
        Assert.Equal(["rate-limits.f1", "rate-limits.f2"], blueprint.FollowUps.Select(f => f.Id));
        Assert.Equal(["api-design"], blueprint.Tags);
        Assert.Equal(["fail open"], blueprint.FollowUps[0].KnowledgeAreas);
        Assert.Equal("Fail open with a local per-instance limit.", blueprint.FollowUps[0].ReferenceAnswer);
        Assert.False(sut.TryGet("missing", out _));
    }

    [Fact]
    public void ParseBank_DuplicateIdAcrossFiles_IsReportedInTheSecondFileAndLeftOut()
    {
        var second = "blueprints:\n" + Bank["blueprints:\n".Length..Bank.IndexOf("  - id: api-versioning", StringComparison.Ordinal)];

        var result = ProfileLoader.ParseBank([(BankFile, Bank), ("profiles/bank/more.yaml", second)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("profiles/bank/more.yaml", error.File);
        Assert.Equal("blueprints[0].id", error.Field);
        Assert.Equal(2, error.Line);
        Assert.Equal($"bank id \"rate-limits\" is already used at {BankFile}:{LineOf(Bank, "- id: rate-limits")}", error.Message);
        Assert.Equal(["api-versioning"], result.Bank.Ids);
    }

    [Fact]
    public void ParseBank_RefToAnEntryWithErrors_SaysTheEntryHasErrors()
    {
        var broken = Bank.Replace("    referenceAnswer: A token bucket per client kept in Redis and updated atomically.\n", string.Empty);
        var bank = ProfileLoader.ParseBank([(BankFile, broken)]);

        var profile = Parse(Valid.Replace("rubric:\n", "  - ref: rate-limits\nrubric:\n"), bank.Bank);

        Assert.Equal("required field \"referenceAnswer\" is missing", Assert.Single(bank.Errors).Message);
        var error = SingleError(profile);
        Assert.Equal("bank entry \"rate-limits\" has errors, so it cannot be used", error.Message);
        Assert.Equal($"fix the errors reported for {BankFile} first", error.Fix);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void ParseBank_FollowUpCountOutsideTwoToThree_IsReported(int count)
    {
        var followUps = string.Concat(Enumerable.Range(0, count).Select(i => $"      - text: Follow-up {i}?\n        knowledgeAreas: [area {i}]\n        referenceAnswer: Answer {i}.\n"));
        var yaml = $"blueprints:\n  - id: one\n    text: Question?\n    knowledgeAreas: [a]\n    referenceAnswer: Answer.\n    followUps:\n{followUps}";

        var result = ProfileLoader.ParseBank([(BankFile, yaml)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("blueprints[0].followUps", error.Field);
        Assert.Equal(6, error.Line);
        Assert.Equal($"has {count} follow-ups; a blueprint needs 2 or 3", error.Message);
        Assert.Equal(0, result.Bank.Count);
    }

    [Fact]
    public void ParseBank_PressureTestFollowUp_IsAskedLastAndDoesNotCountAsAnOrdinaryFollowUp()
    {
        var yaml = Bank.Replace(
            "        referenceAnswer: A Lua script runs the check and the update in one step.\n",
            "        referenceAnswer: A Lua script runs the check and the update in one step.\n"
            + "      - text: A customer now needs ten times their limit for one day. What changes?\n"
            + "        kind: pressure-test\n"
            + "        knowledgeAreas: [per-client override]\n"
            + "        referenceAnswer: A per-client override with an expiry, read from configuration.\n");

        var sut = LoadBank(yaml);

        Assert.True(sut.TryGet("rate-limits", out var blueprint));
        Assert.Equal(["rate-limits.f1", "rate-limits.f2", "rate-limits.f3"], blueprint.FollowUps.Select(f => f.Id));
        Assert.Equal([FollowUpKind.Probe, FollowUpKind.Probe, FollowUpKind.PressureTest], blueprint.FollowUps.Select(f => f.Kind));
    }

    [Fact]
    public void ParseBank_TwoPressureTests_AreReported()
    {
        var pressure = string.Concat(Enumerable.Range(0, 2).Select(i => $"      - text: Now it is {i + 2}x. What changes?\n        kind: pressure-test\n        knowledgeAreas: [scale]\n        referenceAnswer: Answer {i}.\n"));
        var yaml = $"blueprints:\n  - id: one\n    text: Question?\n    knowledgeAreas: [a]\n    referenceAnswer: Answer.\n    followUps:\n      - text: One?\n        knowledgeAreas: [b]\n        referenceAnswer: B.\n      - text: Two?\n        knowledgeAreas: [c]\n        referenceAnswer: C.\n{pressure}";

        var error = Assert.Single(ProfileLoader.ParseBank([(BankFile, yaml)]).Errors);

        Assert.Equal("has 2 pressure tests; a blueprint takes at most 1", error.Message);
    }

    [Fact]
    public void Profile_RefWithItsOwnPressureTest_AsksItLastAfterTheBankFollowUps()
    {
        var yaml = Valid.Replace("rubric:\n",
            "  - ref: rate-limits\n"
            + "    skills: [api-design]\n"
            + "    pressureTest:\n"
            + "      text: Your limiter now has to hold across three regions. What changes?\n"
            + "      knowledgeAreas: [regional budgets]\n"
            + "      referenceAnswer: Split the budget per region and reconcile asynchronously.\n"
            + "rubric:\n");

        var result = Parse(yaml, LoadBank());

        Assert.True(result.Errors.Count == 0, string.Join('\n', result.Errors));
        var blueprint = result.Profile!.Blueprints.Single(b => b.Id == "rate-limits");
        Assert.Equal(["rate-limits.f1", "rate-limits.f2", "rate-limits.f3"], blueprint.FollowUps.Select(f => f.Id));
        Assert.Equal(FollowUpKind.PressureTest, blueprint.FollowUps[2].Kind);
        Assert.Equal("Your limiter now has to hold across three regions. What changes?", blueprint.FollowUps[2].Text);
    }

    [Fact]
    public void ParseBank_MissingFieldsOnEntryAndFollowUp_AreAllReported()
    {
        var yaml = Bank
            .Replace("    knowledgeAreas: [algorithm, shared state]\n", string.Empty)
            .Replace("        referenceAnswer: A Lua script runs the check and the update in one step.\n", string.Empty);

        var result = ProfileLoader.ParseBank([(BankFile, yaml)]);

        Assert.Equal(["blueprints[0].knowledgeAreas", "blueprints[0].followUps[1].referenceAnswer"], result.Errors.Select(e => e.Field));
        Assert.Equal([LineOf(yaml, "- id: rate-limits"), LineOf(yaml, "- text: How is the update atomic?")], result.Errors.Select(e => e.Line));
        Assert.Equal(["api-versioning"], result.Bank.Ids);
    }

    [Fact]
    public void ParseBank_EmptyKnowledgeAreas_AreReported()
    {
        var result = ProfileLoader.ParseBank([(BankFile, Bank.Replace("[algorithm, shared state]", "[]"))]);

        Assert.Equal("blueprints[0].knowledgeAreas", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void ParseBank_UnknownTopLevelField_SaysBankFilesHoldOnlyBlueprints()
    {
        var result = ProfileLoader.ParseBank([(BankFile, "id: api\n" + Bank)]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("id", error.Field);
        Assert.Equal("remove it: a bank file holds only `blueprints:`", error.Fix);
    }

    [Fact]
    public void ParseBank_NoBlueprintsKey_IsReported()
    {
        var result = ProfileLoader.ParseBank([(BankFile, "questions: []\n")]);

        Assert.Equal(["questions", "blueprints"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void LoadBank_MissingDirectory_IsAnEmptyBankWithoutErrors()
    {
        var result = ProfileLoader.LoadBank(Path.Combine(Path.GetTempPath(), $"no-bank-{Guid.NewGuid():N}"));

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.Bank.Count);
    }

    [Fact]
    public void LoadBank_Directory_ReadsEveryYamlFileInNameOrder()
    {
        using var directory = new TempDirectory();
        directory.Write("b.yaml", Bank[..Bank.IndexOf("  - id: api-versioning", StringComparison.Ordinal)]);
        directory.Write("a.yaml", "blueprints:\n" + Bank[Bank.IndexOf("  - id: api-versioning", StringComparison.Ordinal)..]);
        directory.Write("notes.txt", "not a bank file");

        var result = ProfileLoader.LoadBank(directory.Path);

        Assert.Empty(result.Errors);
        Assert.Equal(["api-versioning", "rate-limits"], result.Bank.Ids);
        Assert.Equal(2, result.Files.Count);
    }
}
