namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Why a link request was not served, in the candidate's words: the page shows <see cref="Title"/> and <see cref="Detail"/>,
/// the API sends them as a problem with <see cref="Reason"/>. A bad, tampered and forgotten link read the same, so nobody
/// learns whether an interview exists.
/// </summary>
internal sealed record LinkRefusal(int StatusCode, string Reason, string Title, string Detail)
{
    public static LinkRefusal Invalid { get; } = new(
        404,
        "invalid",
        "This link doesn't open an interview",
        "Please check that you opened the whole link from your invitation. If it still doesn't work, ask the person who invited you for a new link.");

    public static LinkRefusal Expired { get; } = new(
        410,
        "expired",
        "This interview link has expired",
        "The time to take this interview has passed, so the link no longer opens it. If you'd still like to be considered, please contact the person who invited you.");

    public static LinkRefusal Closed { get; } = new(
        410,
        "closed",
        "This interview has been closed",
        "The hiring team closed this interview, so the link no longer opens it. If you think this is a mistake, please contact the person who invited you.");

    public static LinkRefusal Unavailable { get; } = new(
        503,
        "unavailable",
        "The interview is briefly unavailable",
        "Nothing you said is lost. Please reload this page in a minute.");
}
