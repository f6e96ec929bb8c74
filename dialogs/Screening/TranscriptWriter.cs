using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Numbers the transcript lines of one turn, continuing the interview's sequence.</summary>
internal sealed class TranscriptWriter(string interviewId, long firstSequence, DateTimeOffset now)
{
    private readonly List<TranscriptTurn> _turns = [];

    public long NextSequence { get; private set; } = firstSequence;

    public IReadOnlyList<TranscriptTurn> Turns => _turns;

    public void Candidate(string text, Phase phase, string? questionId, TimeSpan? latency, DateTimeOffset? promptSentAt = null, DateTimeOffset? sentAt = null) =>
        Add(Speaker.Candidate, text, phase, questionId, latency, promptSentAt, sentAt);

    public void Bot(IEnumerable<Reply> replies, Phase phase)
    {
        foreach (var reply in replies)
        {
            Add(Speaker.Bot, reply.Text, phase, reply.QuestionId, null, null, null);
        }
    }

    private void Add(Speaker speaker, string text, Phase phase, string? questionId, TimeSpan? latency, DateTimeOffset? promptSentAt, DateTimeOffset? sentAt) =>
        _turns.Add(new TranscriptTurn
        {
            InterviewId = interviewId,
            Sequence = NextSequence++,
            Timestamp = now,
            Speaker = speaker,
            Phase = phase,
            QuestionId = questionId,
            Text = text,
            AnswerLatency = latency,
            PromptSentAt = promptSentAt,
            SentAt = sentAt,
        });
}
