using System.Security.Cryptography;
using System.Text;

namespace ScreeningBot.Bot.Judging;

/// <summary>
/// The user message that carries outside text (a candidate's answer, a job description, scorecard facts with quotes) to
/// a model as data, never as instructions: a trusted instruction, then the text fenced between an opening line
/// <c>&lt;&lt;&lt;MARKER nonce</c> and a closing line <c>MARKER nonce&gt;&gt;&gt;</c>. The nonce is fresh and random per
/// message and removed from the text, so nothing in the text can close the fence. The system prompt names the marker.
/// </summary>
internal static class FencedData
{
    /// <summary>Characters of the nonce (8 random bytes in hexadecimal).</summary>
    public const int NonceLength = 16;

    /// <summary>
    /// <paramref name="instruction"/>, a blank line, <paramref name="data"/> fenced with <paramref name="marker"/> and a
    /// fresh nonce, and then <paramref name="note"/> (trusted, e.g. that the text was cut) after a blank line when given.
    /// </summary>
    public static string UserMessage(string instruction, string marker, string data, string? note = null) =>
        UserMessage(instruction, marker, data, note, Convert.ToHexString(RandomNumberGenerator.GetBytes(NonceLength / 2)));

    /// <summary><see cref="UserMessage(string, string, string, string?)"/> with a given nonce (for tests).</summary>
    internal static string UserMessage(string instruction, string marker, string data, string? note, string nonce)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        var message = new StringBuilder()
            .Append(instruction).Append("\n\n")
            .Append("<<<").Append(marker).Append(' ').Append(nonce).Append('\n')
            .Append(data.Replace(nonce, string.Empty, StringComparison.OrdinalIgnoreCase)).Append('\n')
            .Append(marker).Append(' ').Append(nonce).Append(">>>\n");
        if (note is not null)
        {
            message.Append('\n').Append(note).Append('\n');
        }

        return message.ToString();
    }
}
