using ScreeningBot.Dialogs.Profiles;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Profiles;

public sealed class ProfileLoaderTests
{
    [Fact]
    public void Parse_ValidProfile_MapsEveryField()
    {
        var result = Parse(Valid);

        Assert.Empty(result.Errors);
        var sut = Assert.IsType<Profile>(result.Profile);
        Assert.Equal("sample", sut.Id);
        Assert.Equal("Sample Backend Role", sut.Title);
        Assert.Equal(30, sut.DurationMinutes);
        Assert.Equal(InterviewTemplate.Quick, sut.Template);
        Assert.Equal("en", sut.Language);
        Assert.Equal(new NumberRule(ComparisonOperator.LessThan, 2), sut.Knockouts[0].Rule);
        Assert.Equal("years", sut.Knockouts[0].Unit);
        Assert.Equal(KnockoutAnswerType.Choice, sut.Knockouts[1].Type);
        Assert.Equal([new ChoiceOption("permanent", "Permanent"), new ChoiceOption("contract-only", "Contract only")], sut.Knockouts[1].Choices);
        Assert.Equal(["api-design", "databases", "reliability"], sut.RequiredSkills.Select(s => s.Id));
        Assert.Equal(["idempotency", "pagination"], sut.RequiredSkills[0].Signals);
        Assert.True(sut.Competencies[0].MustHave);
        Assert.Equal(new AdaptiveFollowUp("metrics", "Which numbers did you watch?"), sut.CustomQuestions[0].FollowUps[0]);
        Assert.Equal(["caching.f1", "caching.f2"], sut.Blueprints[0].FollowUps.Select(f => f.Id));
        Assert.Null(sut.Blueprints[0].BankId);
        Assert.Equal(DimensionMeasure.Specificity, sut.Rubric[1].Measure);
        Assert.Equal(RecommendationThresholds.Default, sut.Recommendation);
        Assert.Equal(FileName, sut.SourcePath);
        Assert.Matches("^[0-9a-f]{16}$", sut.ContentHash);
    }

    [Fact]
    public void Parse_PrivacyUrl_IsReadForTheCandidateNotice()
    {
        var yaml = Valid.Replace("title: Sample Backend Role", "title: Sample Backend Role\nprivacyUrl: https://jobs.example/privacy");

        var result = Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal("https://jobs.example/privacy", result.Profile!.PrivacyUrl);
        Assert.Null(Parse(Valid).Profile!.PrivacyUrl);
    }

    [Theory]
    [InlineData("jobs.example/privacy")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://jobs.example/privacy")]
    public void Parse_PrivacyUrlNotAWebAddress_SaysWhichFieldAndHowToFixIt(string url)
    {
        var yaml = Valid.Replace("title: Sample Backend Role", $"title: Sample Backend Role\nprivacyUrl: \"{url}\"");

        var error = SingleError(Parse(yaml));

        Assert.Equal("privacyUrl", error.Field);
        Assert.Equal(LineOf(yaml, "privacyUrl:"), error.Line);
        Assert.Equal("is not a web address", error.Message);
        Assert.Contains("https://example.com/privacy", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorToString_IsOneLineWithFileLineFieldAndFix()
    {
        var yaml = Valid.Replace("failIf: \"< 2\"", "failIf: \"<< 3\"");

        var error = SingleError(Parse(yaml));

        Assert.Equal(
            $"profiles/sample.yaml:{LineOf(yaml, "<< 3")}: knockouts[0].failIf: \"<< 3\" is not a rule for a number answer. Fix: write a comparison such as \"< 3\" or \">= 5\".",
            error.ToString());
    }

    [Fact]
    public void Parse_UnknownField_ReportsItWithDidYouMean()
    {
        var yaml = Valid.Replace("    hint: A rough number is fine.", "    hnit: A rough number is fine.");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[0].hnit", error.Field);
        Assert.Equal(LineOf(yaml, "hnit:"), error.Line);
        Assert.Equal("unknown field \"hnit\". Did you mean \"hint\"?", error.Message);
        Assert.Equal("rename it to \"hint\"", error.Fix);
    }

    [Fact]
    public void Parse_UnknownFieldWithNothingClose_ListsTheAllowedFields()
    {
        var yaml = Valid.Replace("template: quick", "template: quick\nsalaryBand: B");

        var error = SingleError(Parse(yaml));

        Assert.Equal("salaryBand", error.Field);
        Assert.StartsWith("remove it; the fields here are: id, title, jobFamily", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredField_ReportsItAtItsMapping()
    {
        var yaml = Valid.Replace("    name: Databases\n", string.Empty);

        var error = SingleError(Parse(yaml));

        Assert.Equal("requiredSkills[1].name", error.Field);
        Assert.Equal(LineOf(yaml, "- id: databases"), error.Line);
        Assert.Equal("required field \"name\" is missing", error.Message);
    }

    [Fact]
    public void Parse_MissingTopLevelField_ReportsFieldName()
    {
        var yaml = Valid.Replace("jobFamily: Engineering\n", string.Empty);

        var error = SingleError(Parse(yaml));

        Assert.Equal("jobFamily", error.Field);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_TextWhereNumberExpected_SaysItMustBeAWholeNumber()
    {
        var yaml = Valid.Replace("durationMinutes: 30", "durationMinutes: thirty");

        var error = SingleError(Parse(yaml));

        Assert.Equal("durationMinutes", error.Field);
        Assert.Equal(LineOf(yaml, "thirty"), error.Line);
        Assert.Equal("must be a whole number, but it is \"thirty\"", error.Message);
    }

    [Fact]
    public void Parse_ListWhereTextExpected_SaysItMustBeText()
    {
        var yaml = Valid.Replace("title: Sample Backend Role", "title: [Sample, Role]");

        var error = SingleError(Parse(yaml));

        Assert.Equal("title", error.Field);
        Assert.Equal("must be text, but it is a list", error.Message);
    }

    [Fact]
    public void Parse_TextWhereListExpected_SaysItMustBeAList()
    {
        var yaml = Valid.Replace("signals: [idempotency, pagination]", "signals: idempotency");

        var error = SingleError(Parse(yaml));

        Assert.Equal("requiredSkills[0].signals", error.Field);
        Assert.Equal("must be a list, but it is text", error.Message);
    }

    [Fact]
    public void Parse_BadBoolean_SaysTrueOrFalse()
    {
        var yaml = Valid.Replace("    statement: Owns their work in production.", "    statement: Owns their work in production.\n    mustHave: sometimes");

        var error = SingleError(Parse(yaml));

        Assert.Equal("competencies[0].mustHave", error.Field);
        Assert.Equal("write true or false", error.Fix);
    }

    [Fact]
    public void Parse_InvalidId_SuggestsKebabCase()
    {
        var yaml = Valid.Replace("  - id: years", "  - id: YearsTotal");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[0].id", error.Field);
        Assert.Equal("\"YearsTotal\" is not a valid id", error.Message);
        Assert.Equal("use lowercase words joined by hyphens, such as \"years-total\"", error.Fix);
    }

    [Fact]
    public void Parse_UnknownTemplate_SuggestsTheClosestAndListsAll()
    {
        var yaml = Valid.Replace("template: quick", "template: standart");

        var error = SingleError(Parse(yaml));

        Assert.Equal("template", error.Field);
        Assert.Equal("\"standart\" is not a known template. Did you mean \"standard\"?", error.Message);
        Assert.Equal("use one of: quick, standard, deep", error.Fix);
    }

    [Fact]
    public void Parse_UnknownKnockoutType_ListsTheTypes()
    {
        var yaml = Valid.Replace("    type: number", "    type: integer");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[0].type", error.Field);
        Assert.Equal("use one of: yesno, number, choice, date", error.Fix);
    }

    [Fact]
    public void Parse_EnumValuesInAnyCase_AreAccepted()
    {
        var yaml = Valid.Replace("template: quick", "template: Deep").Replace("measure: specificity", "measure: COVERAGE");

        var sut = Parse(yaml).Profile!;

        Assert.Equal(InterviewTemplate.Deep, sut.Template);
        Assert.Equal(DimensionMeasure.Coverage, sut.Rubric[1].Measure);
    }

    [Fact]
    public void Parse_FailIfOfAnotherType_SaysItDoesNotFitTheKnockout()
    {
        var yaml = Valid.Replace("    type: number", "    type: yesno").Replace("    unit: years\n", string.Empty);

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[0].failIf", error.Field);
        Assert.Equal(LineOf(yaml, "failIf: \"< 2\""), error.Line);
        Assert.Equal("\"< 2\" is not a rule for a yes/no answer", error.Message);
    }

    [Fact]
    public void Parse_ChoiceRuleNamingAnUnknownValue_ListsTheChoices()
    {
        var yaml = Valid.Replace("failIf: \"in [contract-only]\"", "failIf: \"in [contractor]\"");

        var error = SingleError(Parse(yaml));

        Assert.Equal("knockouts[1].failIf", error.Field);
        Assert.Equal("\"in [contractor]\" names \"contractor\", which is not one of the choices' values", error.Message);
        Assert.Contains("permanent, contract-only", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThreeProblems_ReportsAllThreeTogetherInLineOrder()
    {
        var yaml = Valid
            .Replace("durationMinutes: 30", "durationMinutes: 500")
            .Replace("    weight: 40", "    weight: 30")
            .Replace("    skills: [api-design]", "    skills: [api-desing]");

        var result = Parse(yaml);

        Assert.Null(result.Profile);
        Assert.Equal(["durationMinutes", "customQuestions[0].skills[0]", "rubric"], result.Errors.Select(e => e.Field));
        Assert.Equal([LineOf(yaml, "durationMinutes"), LineOf(yaml, "api-desing"), LineOf(yaml, "rubric:")], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Equal(FileName, e.File));
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsTheLine()
    {
        var yaml = Valid.Replace("brief: A short brief about the role.", "brief: \"unterminated");

        var error = SingleError(Parse(yaml));

        Assert.StartsWith("the file is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "unterminated"), error.Line);
    }

    [Fact]
    public void Parse_UnclosedFlowList_ReportsNearTheLine()
    {
        var yaml = Valid.Replace("signals: [idempotency, pagination]", "signals: [idempotency, pagination");

        var error = SingleError(Parse(yaml));

        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, LineOf(yaml, "signals: [idempotency"), LineOf(yaml, "signals: [idempotency") + 2);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportsTheKey()
    {
        var yaml = Valid.Replace("template: quick", "template: quick\ntemplate: deep");

        var error = SingleError(Parse(yaml));

        Assert.Equal("template", error.Field);
        Assert.Equal(LineOf(yaml, "template: deep"), error.Line);
        Assert.Equal("\"template\" appears twice in the same mapping", error.Message);
    }

    [Fact]
    public void Parse_Alias_IsRefused()
    {
        var yaml = Valid.Replace("jobFamily: Engineering", "jobFamily: &family Engineering\ntone: *family");

        var error = SingleError(Parse(yaml));

        Assert.Equal("YAML aliases (*family) are not allowed in profiles", error.Message);
        Assert.Equal(LineOf(yaml, "*family"), error.Line);
    }

    [Fact]
    public void Parse_AliasBomb_IsRefusedBeforeExpansion()
    {
        const string Bomb = """
            a: &a [x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
            """;

        var error = SingleError(Parse(Bomb));

        Assert.Equal("YAML aliases (*a) are not allowed in profiles", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefused()
    {
        var yaml = "id: sample\ntone: " + new string('[', 40) + new string(']', 40) + "\n";

        var error = SingleError(Parse(yaml));

        Assert.Equal("lists and mappings are nested more than 10 levels deep", error.Message);
    }

    [Fact]
    public void Parse_TooManyNodes_IsRefused()
    {
        var yaml = "bannedTopics: [" + string.Join(",", Enumerable.Repeat("x", 20_001)) + "]\n";

        var error = SingleError(Parse(yaml));

        Assert.Contains("YAML nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverSizeLimit_IsRefusedWithoutParsing()
    {
        var yaml = Valid + "\n# " + new string('x', ProfileLoader.MaxFileBytes);

        var error = SingleError(Parse(yaml));

        Assert.Equal(0, error.Line);
        Assert.Contains("the limit is 256 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuestionTextOverLimit_ReportsLengthAndLimit()
    {
        var yaml = Valid.Replace("    text: Tell me about something you built.", "    text: " + new string('a', 2_001));

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].text", error.Field);
        Assert.Equal("is 2,001 characters long; the limit is 2,000", error.Message);
    }

    [Fact]
    public void Parse_ReferenceAnswerOverLimit_IsRefused()
    {
        var yaml = Valid.Replace("    referenceAnswer: Cache-aside with a TTL and deletion on write.", "    referenceAnswer: " + new string('a', 6_001));

        var error = SingleError(Parse(yaml));

        Assert.Equal("blueprints[0].referenceAnswer", error.Field);
        Assert.Contains("the limit is 6,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyListItems_ReportsCountAndLimit()
    {
        var yaml = Valid.Replace("signals: [idempotency, pagination]", "signals: [" + string.Join(", ", Enumerable.Range(0, 31).Select(i => $"s{i}")) + "]");

        var error = SingleError(Parse(yaml));

        Assert.Equal("requiredSkills[0].signals", error.Field);
        Assert.Equal("has 31 items; the limit is 30", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyFile_SaysItIsEmpty(string yaml)
    {
        var error = SingleError(Parse(yaml));

        Assert.Equal("the file is empty", error.Message);
    }

    [Fact]
    public void Parse_TopLevelList_SaysItMustBeAMapping()
    {
        var error = SingleError(Parse("- id: sample\n"));

        Assert.Equal("the top level must be a mapping of fields, but it is a list", error.Message);
    }

    [Fact]
    public void Parse_TwoDocuments_IsRefused()
    {
        var error = SingleError(Parse(Valid + "\n---\nid: other\n"));

        Assert.Equal("the file holds more than one YAML document", error.Message);
    }

    [Fact]
    public void Parse_CrlfLineEndings_GiveTheSameProfileAndHash()
    {
        var lf = Parse(Valid).Profile!;
        var crlf = Parse(Valid.Replace("\n", "\r\n", StringComparison.Ordinal)).Profile!;

        Assert.Equal(lf.ContentHash, crlf.ContentHash);
        Assert.Equal(lf.Title, crlf.Title);
    }

    [Fact]
    public void Parse_AnyContentChange_ChangesTheHash()
    {
        var before = Parse(Valid).Profile!.ContentHash;
        var after = Parse(Valid.Replace("title: Sample Backend Role", "title: Sample Backend Role 2")).Profile!.ContentHash;

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Parse_ReferencedBankEntryChanges_ChangesTheHash()
    {
        var yaml = Valid.Replace("rubric:\n", "  - ref: api-versioning\nrubric:\n");
        var original = Parse(yaml, LoadBank()).Profile!.ContentHash;

        var unrelatedChange = Parse(yaml, LoadBank(Bank.Replace("Design a rate limiter for a public API.", "Design a rate limiter."))).Profile!.ContentHash;
        var referencedChange = Parse(yaml, LoadBank(Bank.Replace("How do you version an API?", "How do you version a public API?"))).Profile!.ContentHash;

        Assert.Equal(original, unrelatedChange);
        Assert.NotEqual(original, referencedChange);
    }

    [Fact]
    public void LoadFile_MissingFile_ReturnsOneFileLevelError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.yaml");

        var result = ProfileLoader.LoadFile(path, QuestionBank.Empty);

        var error = SingleError(result);
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.Line);
        Assert.Equal("the file does not exist", error.Message);
    }

    [Fact]
    public void LoadFile_LargerThanLimit_IsRefusedBeforeReading()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("big.yaml", "id: big\n# " + new string('x', ProfileLoader.MaxFileBytes));

        var error = SingleError(ProfileLoader.LoadFile(path, QuestionBank.Empty));

        Assert.Contains("the limit is 256 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_NotUtf8_SaysSo()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "latin1.yaml");
        System.IO.File.WriteAllBytes(path, [0x69, 0x64, 0x3A, 0x20, 0xE9, 0xFF, 0x0A]);

        var error = SingleError(ProfileLoader.LoadFile(path, QuestionBank.Empty));

        Assert.Equal("the file is not valid UTF-8 text", error.Message);
    }

    [Fact]
    public void LoadFile_ValidFileWithBom_LoadsAndRecordsSourcePath()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("sample.yaml", "\uFEFF" + Valid);

        var result = ProfileLoader.LoadFile(path, QuestionBank.Empty);

        Assert.Empty(result.Errors);
        Assert.Equal(path, result.Profile!.SourcePath);
    }

    [Fact]
    public void Parse_NullArguments_Throw()
    {
        Assert.Equal("yaml", Assert.Throws<ArgumentNullException>(() => ProfileLoader.Parse(null!, FileName, QuestionBank.Empty)).ParamName);
        Assert.Equal("bank", Assert.Throws<ArgumentNullException>(() => ProfileLoader.Parse(Valid, FileName, null!)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentException>(() => ProfileLoader.Parse(Valid, " ", QuestionBank.Empty)).ParamName);
    }
}
