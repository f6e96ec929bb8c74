using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The ordered items of an interview for one profile: consent → knockouts → custom questions → blueprints →
/// language assessment → closing. Derived from the profile alone, so any process rebuilds the same plan.
/// </summary>
internal sealed class InterviewPlan
{
    private InterviewPlan(Profile profile, IReadOnlyList<JudgedQuestion> questions, IReadOnlyList<PlanItem> items)
    {
        Profile = profile;
        Questions = questions;
        Items = items;
        Version = $"{profile.Id}@{profile.ContentHash}:{items.Count}";
    }

    public Profile Profile { get; }

    /// <summary>The questions the plan judges, in the order it asks them (<see cref="JudgedQuestions"/>).</summary>
    public IReadOnlyList<JudgedQuestion> Questions { get; }

    public IReadOnlyList<PlanItem> Items { get; }

    /// <summary>Stored in <see cref="PlanPosition.PlanVersion"/>; a different value means the profile changed.</summary>
    public string Version { get; }

    /// <summary>Questions that are judged (custom questions, blueprints with each follow-up, language questions).</summary>
    public int JudgedQuestionCount => Questions.Count;

    public static InterviewPlan Build(Profile profile, PhaseKit kit)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var questions = JudgedQuestions.Of(profile);
        var items = new List<PlanItem> { ConsentPhase.Create(profile) };
        items.AddRange(KnockoutPhase.Create(profile));
        items.AddRange(CustomQuestionPhase.Create(profile, questions, kit));
        items.AddRange(BlueprintPhase.Create(profile, questions, kit));
        items.AddRange(LanguagePhase.Create(profile, questions, kit));
        items.Add(ClosingPhase.Create());
        return new InterviewPlan(profile, questions, items);
    }
}
