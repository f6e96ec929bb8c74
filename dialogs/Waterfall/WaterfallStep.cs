namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// One step of a waterfall. It reads <see cref="StepContext.Answer"/> (the recognised answer to the prompt
/// the previous step waited on), may update <see cref="StepContext.Position"/> and <see cref="StepContext.Record"/> and send replies, and returns
/// what happens next: wait for the candidate, go on, end the item, or end the interview.
/// </summary>
public delegate ValueTask<StepResult> WaterfallStep(StepContext step, CancellationToken cancellationToken);
