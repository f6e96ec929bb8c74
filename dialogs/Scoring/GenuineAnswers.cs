using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// What of each answer was judged: the candidate's transcript replayed through the same checks the judges ran
/// (<see cref="TurnIntegrity"/> for typing speed and repeats, in transcript order; <see cref="AnswerScreen"/> for text
/// addressed to the grader, markup, term lists and copied sentences). Evidence in a scorecard (competencies, skills,
/// areas, clarity) comes only from this genuine part, so a payload can no more pass a competency than raise a score.
/// Every sentence of it occurs verbatim in the transcript.
/// </summary>
internal sealed class GenuineAnswers
{
    private readonly Dictionary<string, List<string>> _turns;

    private GenuineAnswers(Dictionary<string, List<string>> turns) => _turns = turns;

    /// <summary>The genuine part of each of the candidate's messages answering <paramref name="questionId"/>, in order.</summary>
    public IReadOnlyList<string> Turns(string questionId) => _turns.TryGetValue(questionId, out var turns) ? turns : [];

    /// <summary>The genuine parts of the answers to <paramref name="questionId"/>, joined by blank lines; empty when none.</summary>
    public string Text(string questionId) => string.Join("\n\n", Turns(questionId));

    public static GenuineAnswers Build(IReadOnlyDictionary<string, QuestionInfo> questions, IReadOnlyList<TranscriptTurn> transcript, IReadOnlyDictionary<string, AnswerRecord> answers)
    {
        var turns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var models = new Dictionary<string, QuestionModel>(StringComparer.Ordinal);
        var earlier = new List<(string QuestionId, IReadOnlyList<long> Fingerprints)>();
        foreach (var turn in transcript.Where(t => t.Speaker == Speaker.Candidate && t.QuestionId is not null).OrderBy(t => t.Sequence))
        {
            var id = turn.QuestionId!;
            if (!questions.TryGetValue(id, out var question) || question.Source is null || !answers.TryGetValue(id, out var answer) || answer.Skipped
                || TextPrompt.Recognize(turn.Text).Value is not { Skipped: false })
            {
                continue;
            }

            var window = RubricJudge.Bound(turn.Text);
            var timeToAnswer = turn.SentAt - turn.PromptSentAt;
            var screened = TurnIntegrity.Screen(window, timeToAnswer, earlier);
            earlier.Add((id, screened.Fingerprints));
            if (!models.TryGetValue(id, out var model))
            {
                models[id] = model = QuestionModelCache.Shared.Get(QuestionContext.From(question.Source));
            }

            var genuine = AnswerScreen.Screen(screened.Genuine, screened.GenuineTokens(), model, question.Kind, truncated: false).Genuine;
            if (!turns.TryGetValue(id, out var list))
            {
                turns[id] = list = [];
            }

            list.Add(genuine);
        }

        return new GenuineAnswers(turns);
    }
}
