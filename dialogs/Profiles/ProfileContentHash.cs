using System.Security.Cryptography;
using System.Text;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// The content hash stored in dialog state: SHA-256 over the profile file (line endings normalised to LF)
/// followed by the canonical text of every referenced bank entry in reference order, as lowercase hex cut
/// to 16 characters. The same files give the same hash on every machine.
/// </summary>
internal static class ProfileContentHash
{
    public const int Length = 16;

    public static string Compute(string normalisedProfileText, IEnumerable<(string BankId, string Canonical)> bankEntries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(normalisedProfileText));
        foreach (var (bankId, canonical) in bankEntries)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n--- bank:{bankId}\n{canonical}"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Length];
    }
}
