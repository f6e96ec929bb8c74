using Microsoft.Extensions.Logging;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>What the phase builders share: the judge, options, and the bookkeeping every judged answer needs.</summary>
internal sealed class PhaseKit(IAnswerJudge judge, InterviewOptions options, ILogger logger)
{
    public InterviewOptions Options { get; } = options;

    public static PromptSpec TextPrompt(string questionId, string text) =>
        new() { Type = PromptType.Text, QuestionId = questionId, Text = text };

    /// <summary>Judges an answer, logging duration (never the text above Trace).</summary>
    /// <param name="screened">The screening of the message, whose words the judge reuses when <paramref name="answer"/> is that whole message.</param>
    public async ValueTask<Judgment> JudgeAsync(StepContext step, Profile profile, IJudgedQuestion question, QuestionKind kind, string answer, TurnScreening? screened, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var request = new JudgeRequest(step.Subject.InterviewId, QuestionContext.From(question), answer, kind, profile.EvaluationNotes, profile.BannedTopics, TokensSpent(step.Position, step.Record))
        {
            Tone = profile.Tone,
            CompanyInstructions = profile.CompanyInstructions,
            AnswerTokens = screened?.Tokens,
        };
        var judgment = await judge.JudgeAsync(request, cancellationToken);
        DialogsLog.AnswerJudged(logger, step.Subject.InterviewId, question.Id, judgment.Depth, judgment.JudgedBy, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return judgment;
    }

    /// <summary>
    /// Leaves <paramref name="questionIds"/> out because the planned time is used (<see cref="InterviewClock"/>); the first
    /// time, tells the candidate why in <paramref name="texts"/>' language.
    /// </summary>
    public void LeaveOutForTime(StepContext step, Profile profile, Localization.CandidateTexts texts, IEnumerable<string> questionIds)
    {
        var (record, first) = InterviewClock.LeaveOut(step.Record, questionIds);
        step.Record = record;
        if (first)
        {
            step.Say(texts.TimeWrapUp(InterviewClock.Planned(profile)));
            DialogsLog.TimeUp(logger, step.Subject.InterviewId, profile.DurationMinutes, record.TimeUsed.TotalMinutes);
        }
    }

    /// <summary>True when a custom question's adaptive follow-ups give way to the clock (<see cref="InterviewClock.IsRunningOut"/>).</summary>
    public bool FollowUpsGiveWay(StepContext step, Profile profile, string questionId)
    {
        if (!InterviewClock.IsRunningOut(profile, step.Record))
        {
            return false;
        }

        DialogsLog.FollowUpsDroppedForTime(logger, step.Subject.InterviewId, questionId, step.Record.TimeUsed.TotalMinutes, profile.DurationMinutes);
        return true;
    }

    /// <summary>LLM tokens the interview has spent on judgments so far (recorded answers plus the current question's earlier judgments).</summary>
    public static int TokensSpent(PlanPosition position, InterviewRecord record)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(record);
        long total = (long)position.WorkingInputTokens + position.WorkingOutputTokens;
        foreach (var answer in record.Answers)
        {
            total += (long)answer.Judgment.InputTokens + answer.Judgment.OutputTokens;
        }

        return (int)Math.Min(int.MaxValue, total);
    }

    /// <summary>
    /// Screens one candidate message for what no judge sees in a single answer (see <see cref="TurnIntegrity"/>): an
    /// answer longer than anyone could type since the question, and a repeat of an answer to another question or to an
    /// earlier part of this one.
    /// </summary>
    public static TurnScreening ScreenTurn(StepContext step, string questionId, PromptAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(answer);
        var earlier = step.Record.Answers
            .Where(a => a.Fingerprints.Count > 0)
            .Select(a => (a.QuestionId, a.Fingerprints))
            .Append((questionId, step.Position.WorkingFingerprints));
        return TurnIntegrity.Screen(answer.Text, answer.TimeToAnswer, earlier);
    }

    /// <summary>The judgment with the message-level flags added in front (the judge only saw what they left).</summary>
    public static Judgment WithFlags(Judgment judgment, IReadOnlyList<RedFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        return flags.Count == 0 ? judgment : judgment with { RedFlags = [.. flags, .. judgment.RedFlags.Where(f => !flags.Contains(f))] };
    }

    /// <summary>A zero judgment for a skipped question (no judge call: there is nothing to judge).</summary>
    public static Judgment Skipped(IJudgedQuestion question) =>
        Judgment.Create(0, 0, areasMissing: question.KnowledgeAreas, redFlags: [new RedFlag(RedFlag.NoAnswer, "The candidate skipped this question.")]);

    /// <summary>The interview's record with a final answer added.</summary>
    public static InterviewRecord Record(StepContext step, string questionId, QuestionKind kind, Judgment judgment, int length, TimeSpan time, bool skipped, int followUps = 0, IReadOnlyList<long>? fingerprints = null) =>
        step.Record with
        {
            Answers =
            [
                .. step.Record.Answers,
                new AnswerRecord
                {
                    QuestionId = questionId,
                    Kind = kind,
                    Phase = step.Position.Phase,
                    Judgment = step.Position.WorkingInputTokens + step.Position.WorkingOutputTokens == 0
                        ? judgment
                        : judgment with
                        {
                            InputTokens = judgment.InputTokens + step.Position.WorkingInputTokens,
                            OutputTokens = judgment.OutputTokens + step.Position.WorkingOutputTokens,
                        },
                    AnswerLength = length,
                    AnswerTime = time,
                    Skipped = skipped,
                    FollowUpsAsked = followUps,
                    Fingerprints = fingerprints ?? [],
                },
            ],
        };

    /// <summary>The answer the step was resumed with; a step that needs one and has none is a plan bug.</summary>
    public static PromptAnswer RequireAnswer(StepContext step) =>
        step.Answer ?? throw new InvalidOperationException($"Step {step.StepIndex} of item {step.Position.ItemIndex} expected an answer.");
}
