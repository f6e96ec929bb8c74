using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The ordered items of an interview for one profile: consent → knockouts → custom questions → blueprints →
/// language assessment → closing. Derived from the profile alone, so any process rebuilds the same plan.
/// </summary>
internal sealed class InterviewPlan
{
    private InterviewPlan(Profile profile, IReadOnlyList<WaterfallDialog> items)
    {
        Profile = profile;
        Items = items;
        Version = $"{profile.Id}@{profile.ContentHash}:{items.Count}";
    }

    public Profile Profile { get; }

    public IReadOnlyList<WaterfallDialog> Items { get; }

    /// <summary>Stored in <see cref="DialogState.DialogVersion"/>; a different value means the profile changed.</summary>
    public string Version { get; }

    /// <summary>Questions that are judged (custom questions, blueprints with each follow-up, language questions).</summary>
    public int JudgedQuestionCount =>
        Profile.CustomQuestions.Count + Profile.Blueprints.Sum(b => 1 + b.FollowUps.Count) + (Profile.LanguageAssessment?.Questions.Count ?? 0);

    public static InterviewPlan Build(Profile profile, PhaseKit kit)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var items = new List<WaterfallDialog> { ConsentPhase.Create(profile) };
        items.AddRange(KnockoutPhase.Create(profile));
        items.AddRange(CustomQuestionPhase.Create(profile, kit));
        items.AddRange(BlueprintPhase.Create(profile, kit));
        items.AddRange(LanguagePhase.Create(profile, kit));
        items.Add(ClosingPhase.Create());
        return new InterviewPlan(profile, items);
    }
}
