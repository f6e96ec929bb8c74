using System.Globalization;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Serialises what the durable stores persist through <see cref="DialogsJson"/> (every backend writes the same
/// JSON) and refuses documents too large to be read back, at write time, with a message that says so.
/// </summary>
internal static class StoredDocuments
{
    public static string Serialize<T>(T value, string what)
    {
        var json = DialogsJson.Serialize(value);
        return json.Length <= DialogsJson.MaxDocumentBytes ? json : throw new ArgumentException(TooLarge(json.Length, what), nameof(value));
    }

    /// <summary>
    /// <see cref="Serialize{T}"/> as UTF-8 bytes, for SQLite (which keeps text as UTF-8; its statements cast the bytes to text):
    /// no string twice the size and no second encoding when the value is bound. The same limit, in characters.
    /// </summary>
    /// <param name="what">What is serialized, for the error; <paramref name="subject"/>, if any, is added in quotes.</param>
    public static byte[] SerializeUtf8<T>(T value, string what, string? subject = null)
    {
        var json = DialogsJson.SerializeToUtf8Bytes(value);
        if (json.Length <= DialogsJson.MaxDocumentBytes)
        {
            return json;
        }

        var characters = System.Text.Encoding.UTF8.GetCharCount(json);
        return characters <= DialogsJson.MaxDocumentBytes ? json : throw new ArgumentException(TooLarge(characters, subject is null ? what : $"{what} '{subject}'"), nameof(value));
    }

    /// <summary>
    /// Checks that every turn belongs to <paramref name="interviewId"/> and has a non-negative sequence, and
    /// returns (turn, JSON) pairs ordered by sequence; when a sequence repeats, the last turn given wins.
    /// </summary>
    public static IReadOnlyList<(TranscriptTurn Turn, byte[] Json)> SerializeTurns(string interviewId, IReadOnlyList<TranscriptTurn> turns)
    {
        if (turns.Count == 0)
        {
            return [];
        }

        var valid = ValidateTurns(interviewId, turns);
        var rows = new (TranscriptTurn Turn, byte[] Json)[valid.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (valid[i], SerializeUtf8(valid[i], "transcript turn of interview", interviewId));
        }

        return rows;
    }

    /// <summary>The checks of <see cref="SerializeTurns"/> alone: the turns ordered by sequence, the last of a repeated one winning.</summary>
    public static IReadOnlyList<TranscriptTurn> ValidateTurns(string interviewId, IReadOnlyList<TranscriptTurn> turns)
    {
        var bySequence = new SortedDictionary<long, TranscriptTurn>();
        foreach (var turn in turns)
        {
            ArgumentNullException.ThrowIfNull(turn, nameof(turns));
            if (!string.Equals(turn.InterviewId, interviewId, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every turn must belong to the interview being appended to.", nameof(turns));
            }

            if (turn.Sequence < 0)
            {
                throw new ArgumentException($"Turn sequence {turn.Sequence.ToString(CultureInfo.InvariantCulture)} is negative; sequences start at 0.", nameof(turns));
            }

            bySequence[turn.Sequence] = turn;
        }

        return [.. bySequence.Values];
    }

    /// <summary>
    /// What the durable stores keep of an interview in its own row or entity: everything but the answers (rows of their own,
    /// appended as they come) and the outbox's lines when they go to the transcript in the same write.
    /// </summary>
    public static string SerializeState(Interview interview, bool keepOutbox) =>
        Serialize(State(interview, keepOutbox), $"interview '{interview.Id}'");

    /// <summary><see cref="SerializeState"/> as UTF-8 bytes (<see cref="SerializeUtf8{T}"/>).</summary>
    public static byte[] SerializeStateUtf8(Interview interview, bool keepOutbox) =>
        SerializeUtf8(State(interview, keepOutbox), "interview", interview.Id);

    private static Interview State(Interview interview, bool keepOutbox) =>
        interview with { Record = interview.Record with { Answers = [], TranscriptOutbox = keepOutbox ? interview.Record.TranscriptOutbox : [] } };

    private static string TooLarge(int characters, string what) =>
        $"The {what} is {characters.ToString(CultureInfo.InvariantCulture)} characters as JSON; stores accept at most " +
        $"{DialogsJson.MaxDocumentBytes.ToString(CultureInfo.InvariantCulture)} so that it can be read back. Bound the text before storing it.";
}
