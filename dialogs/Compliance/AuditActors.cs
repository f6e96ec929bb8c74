using System.Security.Cryptography;
using System.Text;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>How the audit log names who did something, and how it refers to a candidate without holding their id.</summary>
public static class AuditActors
{
    /// <summary>The candidate, in their own chat.</summary>
    public const string Candidate = "candidate";

    /// <summary>The screening bot itself (an automated recommendation, an expiry).</summary>
    public const string ScreeningBot = "screening bot";

    /// <summary>Someone running a command-line verb on the bot's host.</summary>
    public const string Operator = "operator (command line)";

    /// <summary>The daily retention purge.</summary>
    public const string Retention = "retention";

    /// <summary>A recruiter, by the id the bot knows them by (Entra object id in Teams when known, else the channel user id).</summary>
    public static string Recruiter(string id) => "recruiter:" + id;

    /// <summary>
    /// A candidate's pseudonym in the log: <c>sha256:</c> and the digest of their channel user id. The log proves what
    /// happened to a candidate whose id you know, without keeping the id after they are forgotten.
    /// </summary>
    public static string CandidateRef(string candidateId)
    {
        ArgumentException.ThrowIfNullOrEmpty(candidateId);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("candidate\n" + candidateId)));
    }
}
