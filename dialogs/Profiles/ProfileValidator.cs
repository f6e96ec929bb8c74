using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Cross-field rules of a profile, run after <see cref="ProfileReader"/>: the id matches the file name, ids are
/// unique per namespace, references resolve, counts and ranges hold and the rubric sums to 100. Every problem
/// is reported (none stops the others) with the line of the field it is about.
/// </summary>
internal static partial class ProfileValidator
{
    public static void Validate(ProfileDocument document, YamlReadContext context, string expectedId)
    {
        var profile = document.Profile;
        CheckIdMatchesFile(profile, context, expectedId);
        CheckScalars(document, context);
        CheckKnockouts(profile, context);
        var skills = CheckSkills(profile, context);
        CheckUnique(profile.Competencies.Select((c, i) => (c.Id, $"competencies[{i}].id")), "competency", context);
        var dimensions = CheckRubric(document, context);
        var questions = CheckQuestions(profile, context);
        CheckQuestionReferences(document, skills, dimensions, context);
        CheckCompetencyReferences(profile, questions, context);
        CheckCompetencySignals(profile, context);
        CheckLanguageAssessment(profile, context);
        CheckRecommendation(profile, context);
        CheckHiringChannels(profile, context);
    }

    private static void CheckIdMatchesFile(Profile profile, YamlReadContext context, string expectedId)
    {
        if (profile.Id.Length > 0 && !string.Equals(profile.Id, expectedId, StringComparison.Ordinal))
        {
            context.ErrorAt("id", $"id \"{profile.Id}\" does not match the file name \"{expectedId}.yaml\"", $"rename the file to {profile.Id}.yaml, or set `id: {expectedId}`");
        }
    }

    private static void CheckScalars(ProfileDocument document, YamlReadContext context)
    {
        var profile = document.Profile;
        if (document.DurationRead && profile.DurationMinutes is < ProfileLimits.MinDurationMinutes or > ProfileLimits.MaxDurationMinutes)
        {
            context.ErrorAt("durationMinutes", $"durationMinutes is {profile.DurationMinutes}; it must be between {ProfileLimits.MinDurationMinutes} and {ProfileLimits.MaxDurationMinutes}", "write the expected length of the interview in minutes, such as 45");
        }

        if (profile.ExpiryDays is < ProfileLimits.MinExpiryDays or > ProfileLimits.MaxExpiryDays)
        {
            context.ErrorAt("expiryDays", $"expiryDays is {profile.ExpiryDays}; it must be between {ProfileLimits.MinExpiryDays} and {ProfileLimits.MaxExpiryDays}", "write how many days a screen stays open after the invitation, such as 7, or leave it out to use Screening:InterviewExpiryDays");
        }

        if (!LanguageTagPattern().IsMatch(profile.Language))
        {
            context.ErrorAt("language", $"\"{profile.Language}\" is not a language tag", "write a BCP-47 tag such as en, de or pt-BR");
        }
        else if (!CandidateLanguages.TryResolve(profile.Language, out _))
        {
            var supported = string.Join(", ", CandidateLanguages.Supported);
            context.ErrorAt(
                "language",
                $"the bot has no texts in \"{profile.Language}\"; it interviews in {supported}",
                $"use one of {supported}, or add dialogs/Localization/Texts/{profile.Language.Split('-')[0].ToLowerInvariant()}.json (README \"Languages\")");
        }

        // The first word of tone picks the bot's own wording (issue 22); the rest is free guidance for the LLM.
        if (!BotTones.TryParse(profile.Tone, out _))
        {
            var names = string.Join(", ", BotTones.Names);
            context.ErrorAt(
                "tone",
                $"tone starts with \"{BotTones.FirstWord(profile.Tone)}\", which is not a tone the bot knows ({names})",
                $"start tone with one of {names}, then any guidance for the LLM, such as `tone: warm; plain English`");
        }

        if (profile.CustomQuestions.Count == 0 && profile.Blueprints.Count == 0)
        {
            context.ErrorAt("customQuestions", "the profile asks no questions: it has no customQuestions and no blueprints", "add at least one entry under customQuestions or blueprints");
        }
    }

    private static void CheckKnockouts(Profile profile, YamlReadContext context)
    {
        CheckUnique(profile.Knockouts.Select((k, i) => (k.Id, $"knockouts[{i}].id")), "knockout", context);
        for (var i = 0; i < profile.Knockouts.Count; i++)
        {
            var knockout = profile.Knockouts[i];
            var path = $"knockouts[{i}]";
            if (knockout.Type == KnockoutAnswerType.Choice)
            {
                if (knockout.Choices.Count < 2)
                {
                    context.ErrorAt($"{path}.choices", $"a choice knockout needs at least 2 choices, but it has {knockout.Choices.Count}", "add `choices:` with at least two entries, each with value and title");
                }

                CheckUnique(knockout.Choices.Select((c, j) => (c.Value, $"{path}.choices[{j}].value")), "choice value", context);
            }
            else if (knockout.Choices.Count > 0)
            {
                context.ErrorAt($"{path}.choices", $"choices only apply to a choice knockout, but this one has type {ProfileFields.AnswerTypes.First(t => t.Value == knockout.Type).Key}", "remove `choices:` or set `type: choice`");
            }
        }
    }

    private static HashSet<string> CheckSkills(Profile profile, YamlReadContext context)
    {
        var all = profile.RequiredSkills.Select((s, i) => (s.Id, $"requiredSkills[{i}].id"))
            .Concat(profile.PreferredSkills.Select((s, i) => (s.Id, $"preferredSkills[{i}].id")));
        CheckUnique(all, "skill", context);
        var count = profile.RequiredSkills.Count;
        if (count is < ProfileLimits.MinRequiredSkills or > ProfileLimits.MaxRequiredSkills)
        {
            context.ErrorAt("requiredSkills", $"the profile has {count} required skills; it needs {ProfileLimits.MinRequiredSkills} to {ProfileLimits.MaxRequiredSkills}", count < ProfileLimits.MinRequiredSkills
                ? "add the skills the role cannot do without, each with id, name and signals"
                : "keep the most important ones and move the rest to preferredSkills");
        }

        return [.. profile.RequiredSkills.Concat(profile.PreferredSkills).Select(s => s.Id).Where(id => id.Length > 0)];
    }

    private static HashSet<string> CheckRubric(ProfileDocument document, YamlReadContext context)
    {
        var rubric = document.Profile.Rubric;
        CheckUnique(rubric.Select((d, i) => (d.Id, $"rubric[{i}].id")), "rubric dimension", context);
        var weightsValid = document.RubricWeightsComplete;
        for (var i = 0; i < rubric.Count; i++)
        {
            if (document.RubricWeightsComplete && rubric[i].Weight is < 1 or > 100)
            {
                context.ErrorAt($"rubric[{i}].weight", $"weight is {rubric[i].Weight}; it must be between 1 and 100", "give the dimension a share of the 100 points, or remove it");
                weightsValid = false;
            }
        }

        if (rubric.Count == 0)
        {
            context.ErrorAt("rubric", "the profile has no rubric", "add `rubric:` with weighted dimensions (id, name, weight) that sum to 100");
        }
        else if (weightsValid)
        {
            var sum = rubric.Sum(d => d.Weight);
            if (sum != 100)
            {
                var change = sum < 100 ? $"add {100 - sum}" : $"remove {sum - 100}";
                context.ErrorAt("rubric", $"rubric weights sum to {sum}, not 100", $"adjust the weights so they add up to exactly 100 ({change})");
            }
        }

        return [.. rubric.Select(d => d.Id).Where(id => id.Length > 0)];
    }

    /// <summary>Custom question, blueprint and follow-up ids share one namespace: transcripts and answers key by them.</summary>
    private static HashSet<string> CheckQuestions(Profile profile, YamlReadContext context)
    {
        var ids = profile.CustomQuestions.Select((q, i) => (q.Id, $"customQuestions[{i}].id"))
            .Concat(profile.Blueprints.Select((b, i) => (b.Id, BlueprintIdPath(context, i))));
        CheckUnique(ids, "question", context);
        for (var i = 0; i < profile.CustomQuestions.Count; i++)
        {
            CheckUnique(profile.CustomQuestions[i].FollowUps.Select((f, j) => (f.Probes, $"customQuestions[{i}].followUps[{j}].probes")), "follow-up probe", context, "give each follow-up of a question a different `probes` key, or merge them");
            var pressureTests = profile.CustomQuestions[i].FollowUps.Select((f, j) => (f, j)).Where(p => p.f.Kind == FollowUpKind.PressureTest).ToArray();
            if (pressureTests.Length > ProfileLimits.MaxPressureTests)
            {
                context.ErrorAt($"customQuestions[{i}].followUps[{pressureTests[^1].j}].kind", $"is a second pressure test; a question takes at most {ProfileLimits.MaxPressureTests}", "keep the sharpest change of scenario and make the others `kind: probe`");
            }
        }

        return [.. profile.CustomQuestions.Select(q => q.Id)
            .Concat(profile.Blueprints.Select(b => b.Id))
            .Concat(profile.Blueprints.SelectMany(b => b.FollowUps.Select(f => f.Id)))
            .Where(id => id.Length > 0)];
    }

    private static void CheckQuestionReferences(ProfileDocument document, HashSet<string> skills, HashSet<string> dimensions, YamlReadContext context)
    {
        var profile = document.Profile;
        for (var i = 0; i < profile.CustomQuestions.Count; i++)
        {
            var question = profile.CustomQuestions[i];
            CheckReferences(question.Skills, $"customQuestions[{i}].skills", skills, SkillKind, context);
            CheckReferences(question.Dimensions, $"customQuestions[{i}].dimensions", dimensions, DimensionKind, context);
        }

        for (var i = 0; i < profile.Blueprints.Count; i++)
        {
            var blueprint = profile.Blueprints[i];
            var origin = i < document.BlueprintOrigins.Count ? document.BlueprintOrigins[i] : BlueprintOrigin.Inline;
            CheckBlueprintReferences(blueprint.Skills, i, "skills", origin.SkillsFromBank ? origin.BankId : null, skills, SkillKind, context);
            CheckBlueprintReferences(blueprint.Dimensions, i, "dimensions", origin.DimensionsFromBank ? origin.BankId : null, dimensions, DimensionKind, context);
        }
    }

    private static void CheckBlueprintReferences(IReadOnlyList<string> ids, int index, string field, string? bankId, HashSet<string> known, ReferenceKind kind, YamlReadContext context)
    {
        if (bankId is null)
        {
            CheckReferences(ids, $"blueprints[{index}].{field}", known, kind, context);
            return;
        }

        var unknown = ids.Where(id => !known.Contains(id)).ToArray();
        if (unknown.Length > 0)
        {
            var names = string.Join(", ", unknown.Select(u => $"\"{u}\""));
            context.ErrorAt($"blueprints[{index}].ref", $"bank entry \"{bankId}\" lists {kind.Plural} {names}, which this profile does not define", $"override them in this entry: add `{field}: [...]` under `ref: {bankId}` with this profile's {kind.Plural} ({Known(known)})");
        }
    }

    private static void CheckReferences(IReadOnlyList<string> ids, string path, HashSet<string> known, ReferenceKind kind, YamlReadContext context)
    {
        CheckUnique(ids.Select((id, j) => (id, $"{path}[{j}]")), kind.Singular + " reference", context, "list it once");
        for (var j = 0; j < ids.Count; j++)
        {
            if (ids[j].Length > 0 && !known.Contains(ids[j]))
            {
                var hint = NameSuggester.DidYouMean(ids[j], known);
                context.ErrorAt($"{path}[{j}]", $"\"{ids[j]}\" is not a {kind.Singular} of this profile.{hint}", $"use one of the ids {kind.Where}: {Known(known)}");
            }
        }
    }

    private static void CheckCompetencyReferences(Profile profile, HashSet<string> questions, YamlReadContext context)
    {
        for (var i = 0; i < profile.Competencies.Count; i++)
        {
            CheckReferences(profile.Competencies[i].Questions, $"competencies[{i}].questions", questions, QuestionKind, context);
        }
    }

    private static void CheckLanguageAssessment(Profile profile, YamlReadContext context)
    {
        if (profile.LanguageAssessment is not { } assessment)
        {
            return;
        }

        if (assessment.Language.Length > 0 && !LanguageTagPattern().IsMatch(assessment.Language))
        {
            context.ErrorAt("languageAssessment.language", $"\"{assessment.Language}\" is not a language tag", "write a BCP-47 tag such as de, fr or es");
        }

        if (assessment.Questions.Count is < 1 or > ProfileLimits.MaxLanguageQuestions)
        {
            context.ErrorAt("languageAssessment.questions", $"the language assessment has {assessment.Questions.Count} questions; it needs 1 to {ProfileLimits.MaxLanguageQuestions}", "write 1 to 5 questions in the target language");
        }
    }

    private static void CheckRecommendation(Profile profile, YamlReadContext context)
    {
        var thresholds = profile.Recommendation;
        var inRange = true;
        foreach (var (name, value) in new[] { ("strongYes", thresholds.StrongYes), ("yes", thresholds.Yes), ("maybe", thresholds.Maybe) })
        {
            if (value is < 0 or > 100)
            {
                context.ErrorAt($"recommendation.{name}", $"{name} is {value}; thresholds are composite scores from 0 to 100", "write a whole number between 0 and 100");
                inRange = false;
            }
        }

        if (inRange && !(thresholds.StrongYes > thresholds.Yes && thresholds.Yes > thresholds.Maybe))
        {
            context.ErrorAt("recommendation", $"thresholds must descend (strongYes > yes > maybe), but they are {thresholds.StrongYes}, {thresholds.Yes} and {thresholds.Maybe}", "order them, such as strongYes: 85, yes: 70, maybe: 50");
        }
    }

    private static void CheckHiringChannels(Profile profile, YamlReadContext context)
    {
        if (profile.HiringChannels.Slack is { } slack && !SlackChannelPattern().IsMatch(slack))
        {
            context.ErrorAt("hiringChannels.slack", $"\"{slack}\" is not a Slack channel id", "use the channel id (C… or G…, from the channel's details), not its name");
        }

        if (profile.HiringChannels.Teams is { } teams && !teams.StartsWith("19:", StringComparison.Ordinal))
        {
            context.ErrorAt("hiringChannels.teams", $"\"{teams}\" is not a Teams channel conversation id", "use the channel's conversation id, which starts with 19: and ends with @thread.tacv2");
        }
    }

    private static void CheckUnique(IEnumerable<(string Id, string Path)> items, string what, YamlReadContext context, string? fix = null)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, path) in items)
        {
            if (id.Length == 0)
            {
                continue;
            }

            if (first.TryGetValue(id, out var firstPath))
            {
                context.ErrorAt(path, $"{what} \"{id}\" is used twice (first at line {context.Map.LineOf(firstPath)}, {firstPath})", fix ?? $"give each {what} its own id, or remove the repeat");
            }
            else
            {
                first[id] = path;
            }
        }
    }

    private static string BlueprintIdPath(YamlReadContext context, int index) =>
        context.Map.Contains($"blueprints[{index}].ref") ? $"blueprints[{index}].ref" : $"blueprints[{index}].id";

    private static string Known(HashSet<string> known) =>
        known.Count == 0 ? "none defined yet" : string.Join(", ", known.Order(StringComparer.Ordinal));

    private static readonly ReferenceKind SkillKind = new("skill", "skills", "under requiredSkills or preferredSkills");
    private static readonly ReferenceKind DimensionKind = new("rubric dimension", "rubric dimensions", "under rubric");
    private static readonly ReferenceKind QuestionKind = new("question", "questions", "of customQuestions, blueprints or their follow-ups (<blueprint-id>.f1)");

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTagPattern();

    [GeneratedRegex("^[CG][A-Z0-9]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackChannelPattern();

    private sealed record ReferenceKind(string Singular, string Plural, string Where);
}
