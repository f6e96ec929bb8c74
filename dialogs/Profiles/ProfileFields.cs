namespace ScreeningBot.Dialogs.Profiles;

/// <summary>The YAML field names of every profile and bank shape: exactly the record property names, camelCase.</summary>
internal static class ProfileFields
{
    public static readonly string[] Root =
    [
        "id", "title", "jobFamily", "brief", "privacyUrl", "language", "durationMinutes", "template", "tone", "companyInstructions", "candidateFeedback",
        "evaluationNotes", "bannedTopics", "knockouts", "requiredSkills", "preferredSkills", "competencies",
        "customQuestions", "blueprints", "rubric", "languageAssessment", "recommendation", "hiringChannels", "expiryDays",
    ];

    public static readonly string[] Knockout = ["id", "question", "type", "unit", "hint", "choices", "failIf"];
    public static readonly string[] Choice = ["value", "title"];
    public static readonly string[] Skill = ["id", "name", "description", "signals"];
    public static readonly string[] Competency = ["id", "statement", "mustHave", "questions", "signals"];
    public static readonly string[] CustomQuestion = ["id", "tags", "text", "knowledgeAreas", "referenceAnswer", "skills", "dimensions", "followUps", "redFlags"];
    public static readonly string[] AdaptiveFollowUp = ["probes", "text", "kind"];
    public static readonly string[] Blueprint = ["id", "tags", "text", "knowledgeAreas", "referenceAnswer", "followUps", "skills", "dimensions", "redFlags"];
    public static readonly string[] BlueprintRef = ["ref", "skills", "dimensions", "pressureTest", "redFlags"];
    public static readonly string[] RedFlag = ["flag", "ifMissing", "ifSaid"];
    public static readonly string[] BlueprintFollowUp = ["text", "knowledgeAreas", "referenceAnswer", "kind"];
    public static readonly string[] PressureTest = ["text", "knowledgeAreas", "referenceAnswer"];
    public static readonly string[] KnowledgeArea = ["name", "signals"];
    public static readonly string[] Rubric = ["id", "name", "weight", "measure", "description"];
    public static readonly string[] LanguageAssessment = ["language", "targetLevel", "questions"];
    public static readonly string[] Recommendation = ["strongYes", "yes", "maybe"];
    public static readonly string[] HiringChannels = ["slack", "teams"];
    public static readonly string[] Bank = ["blueprints"];

    public static readonly Dictionary<string, FollowUpKind> FollowUpKinds = new(StringComparer.Ordinal)
    {
        ["probe"] = FollowUpKind.Probe,
        ["pressure-test"] = FollowUpKind.PressureTest,
    };

    public static readonly Dictionary<string, InterviewTemplate> Templates = new(StringComparer.Ordinal)
    {
        ["quick"] = InterviewTemplate.Quick,
        ["standard"] = InterviewTemplate.Standard,
        ["deep"] = InterviewTemplate.Deep,
    };

    public static readonly Dictionary<string, KnockoutAnswerType> AnswerTypes = new(StringComparer.Ordinal)
    {
        ["yesno"] = KnockoutAnswerType.YesNo,
        ["number"] = KnockoutAnswerType.Number,
        ["choice"] = KnockoutAnswerType.Choice,
        ["date"] = KnockoutAnswerType.Date,
    };

    public static readonly Dictionary<string, DimensionMeasure> Measures = new(StringComparer.Ordinal)
    {
        ["depth"] = DimensionMeasure.Depth,
        ["specificity"] = DimensionMeasure.Specificity,
        ["coverage"] = DimensionMeasure.Coverage,
        ["clarity"] = DimensionMeasure.Clarity,
    };

    public static readonly Dictionary<string, CefrLevel> CefrLevels = new(StringComparer.Ordinal)
    {
        ["A1"] = CefrLevel.A1,
        ["A2"] = CefrLevel.A2,
        ["B1"] = CefrLevel.B1,
        ["B2"] = CefrLevel.B2,
        ["C1"] = CefrLevel.C1,
        ["C2"] = CefrLevel.C2,
    };
}
