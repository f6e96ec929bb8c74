using System.Security.Cryptography;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Creates interview ids: <c>iv-</c> plus 20 random lowercase base32 characters (100 bits).</summary>
public static class InterviewIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        Span<char> chars = stackalloc char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return "iv-" + new string(chars);
    }
}
