using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Maps a profile's YAML tree onto the <see cref="Profile"/> records, reporting shape problems (unknown or
/// missing fields, wrong types, limits, unparseable <c>failIf</c>) and resolving <c>- ref:</c> blueprints
/// against the question bank. Cross-field rules are <see cref="ProfileValidator"/>'s job.
/// </summary>
internal static class ProfileReader
{
    private static readonly YesNoRule PlaceholderRule = new(FailWhen: false);

    public static ProfileDocument Read(YamlMappingNode root, YamlReadContext context, QuestionBank bank)
    {
        var fields = YamlFields.Read(root, string.Empty, context, ProfileFields.Root)!;
        var rubricComplete = true;
        var rubric = fields.List("rubric", ProfileLimits.MaxListItems, (n, p) => ReadDimension(n, p, context, ref rubricComplete));
        var origins = new List<BlueprintOrigin>();
        var blueprints = fields.List("blueprints", ProfileLimits.MaxListItems, (n, p) => ReadBlueprint(n, p, context, bank, origins));
        var durationPresent = fields.Has("durationMinutes");
        var duration = fields.Int("durationMinutes");

        var profile = new Profile
        {
            Id = fields.Text("id", ProfileLimits.MaxIdLength, required: true) ?? string.Empty,
            Title = fields.Text("title", ProfileLimits.MaxNameLength, required: true) ?? string.Empty,
            JobFamily = fields.Text("jobFamily", ProfileLimits.MaxNameLength, required: true) ?? string.Empty,
            Brief = fields.Text("brief", ProfileLimits.MaxShortTextLength, required: true) ?? string.Empty,
            PrivacyUrl = ReadPrivacyUrl(fields, context),
            Language = fields.Text("language", ProfileLimits.MaxIdLength) ?? "en",
            DurationMinutes = duration ?? 45,
            Template = fields.Enum("template", ProfileFields.Templates) ?? InterviewTemplate.Standard,
            Tone = fields.Text("tone", ProfileLimits.MaxNameLength) ?? "warm, concise, professional",
            CompanyInstructions = fields.Text("companyInstructions", ProfileLimits.MaxInstructionsLength) ?? string.Empty,
            CandidateFeedback = fields.Bool("candidateFeedback") ?? false,
            EvaluationNotes = fields.Text("evaluationNotes", ProfileLimits.MaxInstructionsLength) ?? string.Empty,
            BannedTopics = fields.TextList("bannedTopics", ProfileLimits.MaxListItems, ProfileLimits.MaxSignalLength),
            Knockouts = fields.List("knockouts", ProfileLimits.MaxListItems, (n, p) => ReadKnockout(n, p, context)),
            RequiredSkills = fields.List("requiredSkills", ProfileLimits.MaxListItems, (n, p) => ReadSkill(n, p, context)),
            PreferredSkills = fields.List("preferredSkills", ProfileLimits.MaxListItems, (n, p) => ReadSkill(n, p, context)),
            Competencies = fields.List("competencies", ProfileLimits.MaxListItems, (n, p) => ReadCompetency(n, p, context)),
            CustomQuestions = fields.List("customQuestions", ProfileLimits.MaxListItems, (n, p) => ReadCustomQuestion(n, p, context)),
            Blueprints = blueprints,
            Rubric = rubric,
            LanguageAssessment = ReadLanguageAssessment(fields),
            Recommendation = ReadRecommendation(fields),
            HiringChannels = ReadHiringChannels(fields),
            ExpiryDays = fields.Int("expiryDays"),
        };

        if (profile.Id.Length > 0)
        {
            YamlFields.CheckId(profile.Id, "id", fields.LineOf("id"), context);
        }

        return new ProfileDocument(profile, origins, rubricComplete, DurationRead: !durationPresent || duration is not null);
    }

    private static string? ReadPrivacyUrl(YamlFields fields, YamlReadContext context)
    {
        var text = fields.Text("privacyUrl", ProfileLimits.MaxNameLength * 4);
        if (text is null || (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            return text;
        }

        context.Error(fields.LineOf("privacyUrl"), fields.PathOf("privacyUrl"), "is not a web address", "write the full address of the privacy notice, like https://example.com/privacy");
        return null;
    }

    private static Knockout ReadKnockout(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.Knockout);
        if (fields is null)
        {
            return new Knockout { Id = string.Empty, Question = string.Empty, Type = KnockoutAnswerType.YesNo, FailIf = string.Empty, Rule = PlaceholderRule };
        }

        var id = fields.Id("id") ?? string.Empty;
        var question = fields.Text("question", ProfileLimits.MaxQuestionLength, required: true) ?? string.Empty;
        var type = fields.Enum("type", ProfileFields.AnswerTypes, required: true);
        var choices = fields.List("choices", ProfileLimits.MaxChoices, (n, p) => ReadChoice(n, p, context));
        var failIf = fields.Text("failIf", KnockoutRuleParser.MaxLength * 2, required: true);
        KnockoutRule rule = PlaceholderRule;
        if (type is { } knownType && failIf is not null)
        {
            var parsed = KnockoutRuleParser.Parse(knownType, failIf, knownType == KnockoutAnswerType.Choice ? choices.Where(c => c.Value.Length > 0).ToArray() : null);
            if (parsed.Rule is { } parsedRule)
            {
                rule = parsedRule;
            }
            else
            {
                context.Error(fields.LineOf("failIf"), fields.PathOf("failIf"), parsed.Problem, parsed.Fix);
            }
        }

        return new Knockout
        {
            Id = id,
            Question = question,
            Type = type ?? KnockoutAnswerType.YesNo,
            Choices = choices,
            FailIf = failIf ?? string.Empty,
            Rule = rule,
            Unit = fields.Text("unit", ProfileLimits.MaxSignalLength),
            Hint = fields.Text("hint", ProfileLimits.MaxShortTextLength),
        };
    }

    private static ChoiceOption ReadChoice(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.Choice);
        return fields is null
            ? new ChoiceOption(string.Empty, string.Empty)
            : new ChoiceOption(fields.Id("value") ?? string.Empty, fields.Text("title", ProfileLimits.MaxNameLength, required: true) ?? string.Empty);
    }

    private static Skill ReadSkill(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.Skill);
        if (fields is null)
        {
            return new Skill { Id = string.Empty, Name = string.Empty };
        }

        return new Skill
        {
            Id = fields.Id("id") ?? string.Empty,
            Name = fields.Text("name", ProfileLimits.MaxNameLength, required: true) ?? string.Empty,
            Description = fields.Text("description", ProfileLimits.MaxShortTextLength) ?? string.Empty,
            Signals = fields.TextList("signals", ProfileLimits.MaxSignals, ProfileLimits.MaxSignalLength),
        };
    }

    private static Competency ReadCompetency(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.Competency);
        if (fields is null)
        {
            return new Competency { Id = string.Empty, Statement = string.Empty };
        }

        return new Competency
        {
            Id = fields.Id("id") ?? string.Empty,
            Statement = fields.Text("statement", ProfileLimits.MaxShortTextLength, required: true) ?? string.Empty,
            MustHave = fields.Bool("mustHave") ?? true,
            Questions = fields.TextList("questions", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: false),
            Signals = fields.TextList("signals", ProfileLimits.MaxSignals, ProfileLimits.MaxSignalLength),
        };
    }

    private static CustomQuestion ReadCustomQuestion(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.CustomQuestion);
        if (fields is null)
        {
            return new CustomQuestion { Id = string.Empty, Text = string.Empty };
        }

        var (areas, signals) = KnowledgeAreaReader.Read(fields);
        return new CustomQuestion
        {
            Id = fields.Id("id") ?? string.Empty,
            Text = fields.Text("text", ProfileLimits.MaxQuestionLength, required: true) ?? string.Empty,
            KnowledgeAreas = areas,
            AreaSignals = signals,
            ReferenceAnswer = fields.Text("referenceAnswer", ProfileLimits.MaxReferenceAnswerLength),
            Skills = fields.TextList("skills", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true),
            Dimensions = fields.TextList("dimensions", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true),
            FollowUps = fields.List("followUps", ProfileLimits.MaxAdaptiveFollowUps, (n, p) => ReadAdaptiveFollowUp(n, p, context)),
            Tags = fields.TextList("tags", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true),
            RedFlags = RedFlagReader.Read(fields),
        };
    }

    private static AdaptiveFollowUp ReadAdaptiveFollowUp(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.AdaptiveFollowUp);
        return fields is null
            ? new AdaptiveFollowUp(string.Empty, string.Empty)
            : new AdaptiveFollowUp(
                fields.Text("probes", ProfileLimits.MaxNameLength, required: true) ?? string.Empty,
                fields.Text("text", ProfileLimits.MaxQuestionLength, required: true) ?? string.Empty,
                fields.Enum("kind", ProfileFields.FollowUpKinds) ?? FollowUpKind.Probe);
    }

    private static RubricDimension ReadDimension(YamlNode node, string path, YamlReadContext context, ref bool complete)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.Rubric);
        if (fields is null)
        {
            complete = false;
            return new RubricDimension { Id = string.Empty, Name = string.Empty, Weight = 0 };
        }

        var weight = fields.Int("weight", required: true);
        complete &= weight is not null;
        return new RubricDimension
        {
            Id = fields.Id("id") ?? string.Empty,
            Name = fields.Text("name", ProfileLimits.MaxNameLength, required: true) ?? string.Empty,
            Weight = weight ?? 0,
            Measure = fields.Enum("measure", ProfileFields.Measures) ?? DimensionMeasure.Depth,
            Description = fields.Text("description", ProfileLimits.MaxShortTextLength) ?? string.Empty,
        };
    }

    private static Blueprint ReadBlueprint(YamlNode node, string path, YamlReadContext context, QuestionBank bank, List<BlueprintOrigin> origins)
    {
        if (node is not YamlMappingNode mapping || !mapping.Children.ContainsKey(new YamlScalarNode("ref")))
        {
            origins.Add(BlueprintOrigin.Inline);
            return BlueprintReader.Read(node, path, context);
        }

        var fields = YamlFields.Read(node, path, context, ProfileFields.BlueprintRef, "remove it: a `ref:` entry takes only ref, skills, dimensions, pressureTest and redFlags; to change anything else, write the blueprint inline with its own id")!;
        var refId = fields.Id("ref") ?? string.Empty;
        IReadOnlyList<string>? skills = fields.Has("skills") ? fields.TextList("skills", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true) : null;
        IReadOnlyList<string>? dimensions = fields.Has("dimensions") ? fields.TextList("dimensions", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true) : null;
        var pressureTest = BlueprintReader.ReadPressureTest(fields);
        IReadOnlyList<QuestionRedFlag>? redFlags = fields.Has(RedFlagReader.Key) ? RedFlagReader.Read(fields) : null;
        if (refId.Length == 0)
        {
            origins.Add(BlueprintOrigin.Inline);
            return BlueprintReader.Placeholder(string.Empty);
        }

        if (bank.TryGet(refId, out var entry))
        {
            origins.Add(new BlueprintOrigin(refId, skills is null, dimensions is null));

            // A profile's red flags replace the bank entry's, like its skills and dimensions.
            return (entry with
            {
                Skills = skills ?? entry.Skills,
                Dimensions = dimensions ?? entry.Dimensions,
                BankId = refId,
                FollowUps = pressureTest is null
                    ? entry.FollowUps
                    : BlueprintReader.NumberFollowUps(refId, [.. entry.FollowUps.Where(f => f.Kind == FollowUpKind.Probe), pressureTest]),
            }).WithRedFlags(redFlags ?? entry.RedFlags);
        }

        origins.Add(BlueprintOrigin.Inline);
        var refPath = fields.PathOf("ref");
        if (bank.FileOf(refId) is { } file)
        {
            context.Error(fields.LineOf("ref"), refPath, $"bank entry \"{refId}\" has errors, so it cannot be used", $"fix the errors reported for {file} first");
        }
        else if (bank.Count == 0)
        {
            context.Error(fields.LineOf("ref"), refPath, $"no bank blueprint has id \"{refId}\": the question bank is empty", "put the bank's YAML files in the bank folder next to the profiles (profiles/bank/*.yaml)");
        }
        else
        {
            var hint = NameSuggester.DidYouMean(refId, bank.Ids);
            context.Error(fields.LineOf("ref"), refPath, $"no bank blueprint has id \"{refId}\".{hint}", "use an id from profiles/bank, or write the blueprint inline with its own id");
        }

        return BlueprintReader.Placeholder(refId);
    }

    private static LanguageAssessment? ReadLanguageAssessment(YamlFields root)
    {
        var fields = root.Mapping("languageAssessment", ProfileFields.LanguageAssessment);
        if (fields is null)
        {
            return null;
        }

        var questions = fields.TextList("questions", ProfileLimits.MaxListItems, ProfileLimits.MaxQuestionLength);
        if (!fields.Has("questions"))
        {
            fields.Missing("questions", "add `questions:` with 1 to 5 questions written in the target language");
        }

        return new LanguageAssessment
        {
            Language = fields.Text("language", ProfileLimits.MaxIdLength, required: true) ?? string.Empty,
            TargetLevel = fields.Enum("targetLevel", ProfileFields.CefrLevels, required: true) ?? CefrLevel.B2,
            Questions = questions,
        };
    }

    private static RecommendationThresholds ReadRecommendation(YamlFields root)
    {
        var fields = root.Mapping("recommendation", ProfileFields.Recommendation);
        if (fields is null)
        {
            return RecommendationThresholds.Default;
        }

        var defaults = RecommendationThresholds.Default;
        return new RecommendationThresholds(
            fields.Int("strongYes", required: true) ?? defaults.StrongYes,
            fields.Int("yes", required: true) ?? defaults.Yes,
            fields.Int("maybe", required: true) ?? defaults.Maybe);
    }

    private static HiringChannels ReadHiringChannels(YamlFields root)
    {
        var fields = root.Mapping("hiringChannels", ProfileFields.HiringChannels);
        return fields is null
            ? HiringChannels.None
            : new HiringChannels(fields.Text("slack", ProfileLimits.MaxNameLength), fields.Text("teams", ProfileLimits.MaxNameLength));
    }
}
