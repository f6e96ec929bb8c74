using ScreeningBot.Dialogs.Profiles;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Profiles;

/// <summary>Cross-field rules, each driven through <see cref="ProfileLoader.Parse"/> with one defect in a valid profile.</summary>
public sealed class ProfileValidatorTests
{
    [Fact]
    public void Validate_IdDifferentFromFileName_SuggestsRenamingEither()
    {
        var error = SingleError(Parse(Valid, file: "profiles/other.yaml"));

        Assert.Equal("id", error.Field);
        Assert.Equal(1, error.Line);
        Assert.Equal("id \"sample\" does not match the file name \"other.yaml\"", error.Message);
        Assert.Equal("rename the file to sample.yaml, or set `id: other`", error.Fix);
    }

    [Fact]
    public void Validate_DuplicateKnockoutIds_PointsAtTheSecondAndNamesTheFirst()
    {
        var yaml = Valid.Replace("  - id: engagement", "  - id: years");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[1].id", error.Field);
        Assert.Equal(LineOf(yaml, "- id: years", 2), error.Line);
        Assert.Equal($"knockout \"years\" is used twice (first at line {LineOf(yaml, "- id: years")}, knockouts[0].id)", error.Message);
    }

    [Fact]
    public void Validate_SkillIdInRequiredAndPreferred_IsADuplicate()
    {
        var yaml = Valid.Replace("  - id: kafka\n    name: Kafka", "  - id: databases\n    name: Kafka");

        var error = SingleError(Parse(yaml));

        Assert.Equal("preferredSkills[0].id", error.Field);
        Assert.Equal(LineOf(yaml, "- id: databases", 2), error.Line);
        Assert.StartsWith("skill \"databases\" is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateCompetencyIds_AreReported()
    {
        var yaml = Valid.Replace("customQuestions:\n", "  - id: ownership\n    statement: Owns it again.\ncustomQuestions:\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("competencies[1].id", error.Field);
        Assert.Equal(LineOf(yaml, "- id: ownership", 2), error.Line);
        Assert.StartsWith("competency \"ownership\" is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateRubricIds_AreReported()
    {
        var yaml = Valid.Replace("  - id: clarity", "  - id: depth");

        var result = Parse(yaml);

        var error = Assert.Single(result.Errors, e => e.Field == "rubric[1].id");
        Assert.Equal(LineOf(yaml, "- id: depth", 2), error.Line);
        Assert.StartsWith("rubric dimension \"depth\" is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CustomQuestionAndBlueprintSharingAnId_AreOneNamespace()
    {
        var yaml = Valid.Replace("  - id: caching", "  - id: build-story").Replace("caching.f1", "build-story.f1");

        var error = SingleError(Parse(yaml));

        Assert.Equal("blueprints[0].id", error.Field);
        Assert.Equal(LineOf(yaml, "- id: build-story", 2), error.Line);
        Assert.StartsWith("question \"build-story\" is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BankRefSharingAnIdWithACustomQuestion_IsReportedAtTheRef()
    {
        var yaml = Valid.Replace("  - id: build-story", "  - id: api-versioning").Replace("[build-story,", "[api-versioning,")
            .Replace("rubric:\n", "  - ref: api-versioning\nrubric:\n");

        var error = SingleError(Parse(yaml, LoadBank()));

        Assert.Equal("blueprints[1].ref", error.Field);
        Assert.Equal(LineOf(yaml, "- ref: api-versioning"), error.Line);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Validate_RequiredSkillCountOutsideThreeToSeven_IsReported(int count)
    {
        const string Last = "  - id: reliability\n    name: Reliability\n";
        var yaml = count < 3
            ? Valid.Replace(Last, string.Empty)
            : Valid.Replace(Last, Last + string.Concat(Enumerable.Range(0, count - 3).Select(i => $"  - id: extra-{i}\n    name: Extra {i}\n")));

        var error = SingleError(Parse(yaml));

        Assert.Equal("requiredSkills", error.Field);
        Assert.Equal(LineOf(yaml, "requiredSkills:"), error.Line);
        Assert.Equal($"the profile has {count} required skills; it needs 3 to 7", error.Message);
    }

    [Fact]
    public void Validate_RubricWeightsNotSummingTo100_SaysWhatTheySumTo()
    {
        var yaml = Valid.Replace("    weight: 40", "    weight: 30");

        var error = SingleError(Parse(yaml));

        Assert.Equal("rubric", error.Field);
        Assert.Equal(LineOf(yaml, "rubric:"), error.Line);
        Assert.Equal("rubric weights sum to 90, not 100", error.Message);
        Assert.Equal("adjust the weights so they add up to exactly 100 (add 10)", error.Fix);
    }

    [Fact]
    public void Validate_RubricWeightsOver100_SaysHowMuchToRemove()
    {
        var error = SingleError(Parse(Valid.Replace("    weight: 40", "    weight: 45")));

        Assert.Equal("adjust the weights so they add up to exactly 100 (remove 5)", error.Fix);
    }

    [Fact]
    public void Validate_ZeroWeight_IsReportedOnTheDimension()
    {
        var yaml = Valid.Replace("    weight: 60", "    weight: 100").Replace("    weight: 40", "    weight: 0");

        var error = SingleError(Parse(yaml));

        Assert.Equal("rubric[1].weight", error.Field);
        Assert.Equal(LineOf(yaml, "weight: 0"), error.Line);
        Assert.Equal("weight is 0; it must be between 1 and 100", error.Message);
    }

    [Fact]
    public void Validate_MissingRubric_IsReported()
    {
        var yaml = Valid[..Valid.IndexOf("rubric:", StringComparison.Ordinal)].Replace("dimensions: [depth]", "dimensions: []");

        var error = SingleError(Parse(yaml));

        Assert.Equal("rubric", error.Field);
        Assert.Equal(1, error.Line);
        Assert.Equal("the profile has no rubric", error.Message);
    }

    [Fact]
    public void Validate_ChoiceKnockoutWithOneChoice_NeedsTwo()
    {
        var yaml = Valid.Replace("      - value: permanent\n        title: Permanent\n", string.Empty);

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[1].choices", error.Field);
        Assert.Equal(LineOf(yaml, "choices:"), error.Line);
        Assert.Equal("a choice knockout needs at least 2 choices, but it has 1", error.Message);
    }

    [Fact]
    public void Validate_ChoicesOnANumberKnockout_AreReported()
    {
        var yaml = Valid.Replace("    unit: years\n", "    choices:\n      - value: one\n        title: One\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[0].choices", error.Field);
        Assert.Equal(LineOf(yaml, "choices:"), error.Line);
        Assert.Equal("choices only apply to a choice knockout, but this one has type number", error.Message);
    }

    [Fact]
    public void Validate_DuplicateChoiceValues_AreReported()
    {
        var yaml = Valid.Replace("      - value: permanent\n", "      - value: contract-only\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[1].choices[1].value", error.Field);
        Assert.Equal(LineOf(yaml, "- value: contract-only", 2), error.Line);
    }

    [Fact]
    public void Validate_UnknownSkillOnCustomQuestion_GivesPathAndSuggestion()
    {
        var yaml = Valid.Replace("    skills: [api-design]", "    skills: [api-desing]");

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].skills[0]", error.Field);
        Assert.Equal(LineOf(yaml, "api-desing"), error.Line);
        Assert.Equal("\"api-desing\" is not a skill of this profile. Did you mean \"api-design\"?", error.Message);
        Assert.Equal("use one of the ids under requiredSkills or preferredSkills: api-design, databases, kafka, reliability", error.Fix);
    }

    [Fact]
    public void Validate_UnknownDimensionOnBlueprint_IsReported()
    {
        var yaml = Valid.Replace("    skills: [databases]\n    dimensions: [depth]", "    skills: [databases]\n    dimensions: [depth, breadth]");

        var error = SingleError(Parse(yaml));

        Assert.Equal("blueprints[0].dimensions[1]", error.Field);
        Assert.Equal(LineOf(yaml, "[depth, breadth]"), error.Line);
        Assert.Equal("use one of the ids under rubric: clarity, depth", error.Fix);
    }

    [Fact]
    public void Validate_UnknownSkillOnInlineBlueprint_IsReported()
    {
        var yaml = Valid.Replace("    skills: [databases]", "    skills: [caching]");

        var error = SingleError(Parse(yaml));

        Assert.Equal("blueprints[0].skills[0]", error.Field);
        Assert.Equal(LineOf(yaml, "skills: [caching]"), error.Line);
    }

    [Fact]
    public void Validate_CompetencyNamingUnknownQuestion_IsReported()
    {
        var yaml = Valid.Replace("[build-story, caching.f1]", "[build-story, caching.f3]");

        var error = SingleError(Parse(yaml));

        Assert.Equal("competencies[0].questions[1]", error.Field);
        Assert.Equal(LineOf(yaml, "caching.f3"), error.Line);
        Assert.Equal("\"caching.f3\" is not a question of this profile. Did you mean \"caching.f1\"?", error.Message);
    }

    [Fact]
    public void Validate_DuplicateProbesOnOneQuestion_AreReported()
    {
        var yaml = Valid.Replace("        text: Which numbers did you watch?", "        text: Which numbers did you watch?\n      - probes: metrics\n        text: And after release?");

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].followUps[1].probes", error.Field);
        Assert.Equal(LineOf(yaml, "- probes: metrics", 2), error.Line);
    }

    [Fact]
    public void Validate_BankRef_ResolvesBlueprintWithBankIdAndFollowUpIds()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: api-versioning\n    dimensions: [depth]\nrubric:\n");

        var sut = Parse(yaml, LoadBank()).Profile!;

        var blueprint = sut.Blueprints[1];
        Assert.Equal("api-versioning", blueprint.Id);
        Assert.Equal("api-versioning", blueprint.BankId);
        Assert.Equal(["api-design"], blueprint.Skills);
        Assert.Equal(["depth"], blueprint.Dimensions);
        Assert.Equal(["api-versioning.f1", "api-versioning.f2"], blueprint.FollowUps.Select(f => f.Id));
    }

    [Fact]
    public void Validate_UnknownBankRef_SuggestsTheClosestId()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: api-versoning\nrubric:\n");

        var error = SingleError(Parse(yaml, LoadBank()));

        Assert.Equal("blueprints[1].ref", error.Field);
        Assert.Equal(LineOf(yaml, "api-versoning"), error.Line);
        Assert.Equal("no bank blueprint has id \"api-versoning\". Did you mean \"api-versioning\"?", error.Message);
    }

    [Fact]
    public void Validate_RefWithEmptyBank_SaysWhereTheBankGoes()
    {
        var error = SingleError(Parse(Valid.Replace("rubric:\n", "  - ref: api-versioning\nrubric:\n")));

        Assert.Contains("the question bank is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("profiles/bank", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BankSkillsAndDimensionsMissingInProfile_AreReportedAgainstTheRefWithOverrideFix()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: rate-limits\nrubric:\n");

        var result = Parse(yaml, LoadBank());

        Assert.Null(result.Profile);
        var error = Assert.Single(result.Errors);
        Assert.Equal("blueprints[1].ref", error.Field);
        Assert.Equal(LineOf(yaml, "- ref: rate-limits"), error.Line);
        Assert.Equal("bank entry \"rate-limits\" lists skills \"concurrency\", which this profile does not define", error.Message);
        Assert.Equal("override them in this entry: add `skills: [...]` under `ref: rate-limits` with this profile's skills (api-design, databases, kafka, reliability)", error.Fix);
    }

    [Fact]
    public void Validate_BankDimensionMissingInProfile_IsReportedAgainstTheRef()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: rate-limits\n    skills: [api-design]\nrubric:\n").Replace("  - id: depth", "  - id: insight").Replace("dimensions: [depth]", "dimensions: [insight]");

        var error = SingleError(Parse(yaml, LoadBank()));

        Assert.Equal("blueprints[1].ref", error.Field);
        Assert.Equal(LineOf(yaml, "- ref: rate-limits"), error.Line);
        Assert.Equal("bank entry \"rate-limits\" lists rubric dimensions \"depth\", which this profile does not define", error.Message);
    }

    [Fact]
    public void Validate_RefOverridingBankSkills_IsValid()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: rate-limits\n    skills: [api-design, reliability]\nrubric:\n");

        var sut = Parse(yaml, LoadBank()).Profile!;

        Assert.Equal(["api-design", "reliability"], sut.Blueprints[1].Skills);
        Assert.Equal(["depth"], sut.Blueprints[1].Dimensions);
    }

    [Fact]
    public void Validate_RefWithInlineFields_SaysRefsTakeOnlyOverrides()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: api-versioning\n    text: Changed text\nrubric:\n");

        var error = SingleError(Parse(yaml, LoadBank()));

        Assert.Equal("blueprints[1].text", error.Field);
        Assert.Equal(LineOf(yaml, "text: Changed text"), error.Line);
        Assert.StartsWith("remove it: a `ref:` entry takes only ref, skills, dimensions, pressureTest and redFlags", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strongYes: 101\n  yes: 70\n  maybe: 50", "recommendation.strongYes", "strongYes: 101", "strongYes is 101; thresholds are composite scores from 0 to 100")]
    [InlineData("strongYes: 85\n  yes: 70\n  maybe: -1", "recommendation.maybe", "maybe: -1", "maybe is -1; thresholds are composite scores from 0 to 100")]
    [InlineData("strongYes: 70\n  yes: 85\n  maybe: 50", "recommendation", "recommendation:", "thresholds must descend (strongYes > yes > maybe), but they are 70, 85 and 50")]
    [InlineData("strongYes: 85\n  yes: 50\n  maybe: 50", "recommendation", "recommendation:", "thresholds must descend (strongYes > yes > maybe), but they are 85, 50 and 50")]
    public void Validate_BadRecommendationThresholds_AreReported(string thresholds, string field, string lineMarker, string message)
    {
        var yaml = Valid + "\nrecommendation:\n  " + thresholds + "\n";

        var error = SingleError(Parse(yaml));

        Assert.Equal(field, error.Field);
        Assert.Equal(LineOf(yaml, lineMarker), error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_CustomRecommendationThresholds_AreLoaded()
    {
        var sut = Parse(Valid + "\nrecommendation:\n  strongYes: 90\n  yes: 75\n  maybe: 40\n").Profile!;

        Assert.Equal(new RecommendationThresholds(90, 75, 40), sut.Recommendation);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(241)]
    public void Validate_DurationOutOfRange_IsReported(int minutes)
    {
        var yaml = Valid.Replace("durationMinutes: 30", $"durationMinutes: {minutes}");

        var error = SingleError(Parse(yaml));

        Assert.Equal("durationMinutes", error.Field);
        Assert.Equal(LineOf(yaml, "durationMinutes"), error.Line);
        Assert.Equal($"durationMinutes is {minutes}; it must be between 5 and 240", error.Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(240)]
    public void Validate_DurationAtTheBounds_IsValid(int minutes)
    {
        Assert.Empty(Parse(Valid.Replace("durationMinutes: 30", $"durationMinutes: {minutes}")).Errors);
    }

    [Fact]
    public void Validate_NoQuestionsAtAll_IsReported()
    {
        var start = Valid.IndexOf("competencies:", StringComparison.Ordinal);
        var end = Valid.IndexOf("rubric:", StringComparison.Ordinal);
        var yaml = Valid[..start] + Valid[end..];

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions", error.Field);
        Assert.Equal(1, error.Line);
        Assert.Equal("the profile asks no questions: it has no customQuestions and no blueprints", error.Message);
    }

    [Fact]
    public void Validate_LanguageAssessment_LoadsWhenValid()
    {
        var sut = Parse(Valid + "\nlanguageAssessment:\n  language: de\n  targetLevel: B2\n  questions:\n    - Erzählen Sie von Ihrem letzten Projekt.\n").Profile!;

        Assert.Equal(new LanguageAssessment { Language = "de", TargetLevel = CefrLevel.B2, Questions = sut.LanguageAssessment!.Questions }, sut.LanguageAssessment);
        Assert.Single(sut.LanguageAssessment.Questions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Validate_LanguageAssessmentQuestionCountOutsideOneToFive_IsReported(int count)
    {
        var questions = count == 0 ? "  questions: []\n" : "  questions:\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"    - Frage {i}?\n"));
        var yaml = Valid + "\nlanguageAssessment:\n  language: de\n  targetLevel: B2\n" + questions;

        var error = SingleError(Parse(yaml));

        Assert.Equal("languageAssessment.questions", error.Field);
        Assert.Equal(LineOf(yaml, "  questions:", 2), error.Line);
        Assert.Equal($"the language assessment has {count} questions; it needs 1 to 5", error.Message);
    }

    [Fact]
    public void Validate_UnknownCefrLevel_ListsTheLevels()
    {
        var yaml = Valid + "\nlanguageAssessment:\n  language: de\n  targetLevel: B3\n  questions: [Wie geht es?]\n";

        var error = SingleError(Parse(yaml));

        Assert.Equal("languageAssessment.targetLevel", error.Field);
        Assert.Equal(LineOf(yaml, "targetLevel: B3"), error.Line);
        Assert.Equal("use one of: A1, A2, B1, B2, C1, C2", error.Fix);
    }

    [Fact]
    public void Validate_BadLanguageTag_IsReported()
    {
        var yaml = Valid.Replace("durationMinutes: 30", "durationMinutes: 30\nlanguage: English");

        var error = SingleError(Parse(yaml));

        Assert.Equal("language", error.Field);
        Assert.Equal(LineOf(yaml, "language: English"), error.Line);
        Assert.Equal("\"English\" is not a language tag", error.Message);
    }

    [Fact]
    public void Validate_HiringChannelNames_AreRejectedInFavourOfIds()
    {
        var yaml = Valid + "\nhiringChannels:\n  slack: \"#hiring\"\n  teams: General\n";

        var result = Parse(yaml);

        Assert.Equal(["hiringChannels.slack", "hiringChannels.teams"], result.Errors.Select(e => e.Field));
        Assert.Equal([LineOf(yaml, "slack:"), LineOf(yaml, "teams:")], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Validate_HiringChannelIds_AreLoaded()
    {
        var sut = Parse(Valid + "\nhiringChannels:\n  slack: C0123ABCDE\n  teams: \"19:abc@thread.tacv2\"\n").Profile!;

        Assert.Equal(new HiringChannels("C0123ABCDE", "19:abc@thread.tacv2"), sut.HiringChannels);
    }

    [Fact]
    public void Validate_TwoPressureTestsOnOneQuestion_NamesTheSecond()
    {
        var yaml = Valid.Replace("        text: Which numbers did you watch?\n",
            "        text: Which numbers did you watch?\n"
            + "      - probes: scale\n        kind: pressure-test\n        text: Traffic is now 10x. What breaks first?\n"
            + "      - probes: requirement\n        kind: pressure-test\n        text: Tenants may now share data. What changes?\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].followUps[2].kind", error.Field);
        Assert.Equal("is a second pressure test; a question takes at most 1", error.Message);
    }

    [Fact]
    public void Validate_UnknownFollowUpKind_ListsTheKinds()
    {
        var yaml = Valid.Replace("      - probes: metrics\n", "      - probes: metrics\n        kind: challenge\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].followUps[0].kind", error.Field);
        Assert.Contains("probe, pressure-test", error.Fix + error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void Validate_ExpiryDaysOutOfRange_IsReportedWithTheSetting(int days)
    {
        var yaml = Valid + $"\nexpiryDays: {days}\n";

        var error = SingleError(Parse(yaml));

        Assert.Equal("expiryDays", error.Field);
        Assert.Equal(LineOf(yaml, "expiryDays"), error.Line);
        Assert.Equal($"expiryDays is {days}; it must be between 1 and 90", error.Message);
        Assert.Contains("Screening:InterviewExpiryDays", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExpiryDays_IsLoadedAndOptional()
    {
        Assert.Equal(14, Parse(Valid + "\nexpiryDays: 14\n").Profile!.ExpiryDays);
        Assert.Null(Parse(Valid).Profile!.ExpiryDays);
    }
}
