namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// One item of an interview plan: an ordered list of steps (for example a question and its follow-ups).
/// Built from the profile on demand; never persisted. Only the engine's place in the plan is persisted, as a <see cref="PlanPosition"/>.
/// </summary>
public sealed class PlanItem
{
    public PlanItem(string id, Phase phase, IReadOnlyList<WaterfallStep> steps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfZero(steps.Count, nameof(steps));
        Id = id;
        Phase = phase;
        Steps = steps;
    }

    public string Id { get; }

    public Phase Phase { get; }

    public IReadOnlyList<WaterfallStep> Steps { get; }
}
