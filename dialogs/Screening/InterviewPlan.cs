using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The ordered items of an interview for one profile: consent → knockouts → custom questions → blueprints →
/// language assessment → closing. Derived from the profile alone, so any process rebuilds the same plan.
/// </summary>
internal sealed class InterviewPlan
{
    private InterviewPlan(Profile profile, IReadOnlyList<JudgedQuestion> questions, IReadOnlyList<PlanItem> items, CandidateLanguage language, CandidateLanguage assessmentLanguage)
    {
        Profile = profile;
        Questions = questions;
        Items = items;
        Language = language;
        AssessmentLanguage = assessmentLanguage;
        Version = $"{profile.Id}@{profile.ContentHash}:{items.Count}";
    }

    public Profile Profile { get; }

    /// <summary>The questions the plan judges, in the order it asks them (<see cref="JudgedQuestions"/>).</summary>
    public IReadOnlyList<JudgedQuestion> Questions { get; }

    public IReadOnlyList<PlanItem> Items { get; }

    /// <summary>The interview's language, from the profile's <c>language</c>.</summary>
    public CandidateLanguage Language { get; }

    /// <summary>
    /// The language of the language assessment's own messages (retries, help): <c>languageAssessment.language</c> when it
    /// has a file, else the interview's language (the questions themselves are the profile's, in whatever language).
    /// </summary>
    public CandidateLanguage AssessmentLanguage { get; }

    /// <summary>Stored in <see cref="PlanPosition.PlanVersion"/>; a different value means the profile changed.</summary>
    public string Version { get; }

    /// <summary>Questions that are judged (custom questions, blueprints with each follow-up, language questions).</summary>
    public int JudgedQuestionCount => Questions.Count;

    /// <summary>The language the bot speaks and understands at item <paramref name="itemIndex"/>: the assessment's during it, else the interview's.</summary>
    public CandidateLanguage LanguageAt(int itemIndex) =>
        itemIndex >= 0 && itemIndex < Items.Count && Items[itemIndex].Phase == Phase.LanguageAssessment ? AssessmentLanguage : Language;

    /// <summary>What the bot says at item <paramref name="itemIndex"/>: <see cref="LanguageAt"/>'s texts in the profile's tone.</summary>
    public CandidateTexts TextsAt(int itemIndex) => LanguageAt(itemIndex).Texts.WithTone(BotTones.Of(Profile.Tone));

    public static InterviewPlan Build(Profile profile, PhaseKit kit)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var questions = JudgedQuestions.Of(profile);
        var language = CandidateLanguages.Resolve(profile.Language);
        var assessmentLanguage = CandidateLanguages.TryResolve(profile.LanguageAssessment?.Language, out var own) ? own : language;
        // The profile's tone picks the wording of greetings, acknowledgements and the closing (issue 22).
        var texts = language.Texts.WithTone(BotTones.Of(profile.Tone));
        var items = new List<PlanItem> { ConsentPhase.Create(profile, texts, kit.Options) };
        items.AddRange(KnockoutPhase.Create(profile, texts));
        items.AddRange(CustomQuestionPhase.Create(profile, questions, kit, language));
        items.AddRange(BlueprintPhase.Create(profile, questions, kit, texts));
        items.AddRange(LanguagePhase.Create(profile, questions, kit, texts));
        items.Add(ClosingPhase.Create(texts));
        return new InterviewPlan(profile, questions, items, language, assessmentLanguage);
    }
}
