using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// What the hiring channel hears about a candidate who was not screened, instead of a scorecard: who, for which role, why,
/// and what to do next. It carries no score and no recommendation, so nobody reads "No · 0/100" about someone who said no.
/// Rendered per channel as a not-scored outcome (<c>bot/Rendering/NotScoredOutcome.cs</c>).
/// </summary>
public sealed record ScreeningNotice(string InterviewId, string CandidateName, string ProfileTitle, NotScreenedReason Reason, DateTimeOffset At)
{
    /// <summary>The notice for an interview that ended unscreened; null for every other outcome (those get a scorecard).</summary>
    public static ScreeningNotice? For(Interview interview, string profileTitle)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(profileTitle);
        NotScreenedReason? reason = interview.Status switch
        {
            InterviewStatus.Declined => NotScreenedReason.ConsentDeclined,
            InterviewStatus.OptedOut => NotScreenedReason.HumanInterviewRequested,
            _ => null,
        };
        var name = string.IsNullOrWhiteSpace(interview.Candidate.Name) ? interview.Candidate.Id : interview.Candidate.Name;
        return reason is { } r ? new ScreeningNotice(interview.Id, name, profileTitle, r, interview.Record.EndedAt ?? interview.CreatedAt) : null;
    }

    /// <summary>One line: "Not screened: declined the automated screen".</summary>
    public string Headline => Reason switch
    {
        NotScreenedReason.HumanInterviewRequested => "Asked for an interview with a person",
        _ => "Not screened: declined the automated screen",
    };

    /// <summary>What happened and what the team should do, in a sentence or two (recruiter-facing, English).</summary>
    public string Text => Reason switch
    {
        NotScreenedReason.HumanInterviewRequested =>
            $"{CandidateName} asked to speak to a person instead of taking the automated screen for {ProfileTitle}. Nothing was scored. Please arrange an interview with them.",
        _ =>
            $"{CandidateName} chose not to take the automated screen for {ProfileTitle}. Nothing was recorded or scored. If they still want to be considered, offer them another way to apply.",
    };
}

/// <summary>Why a candidate was not screened.</summary>
public enum NotScreenedReason
{
    /// <summary>They said no to the notice before the first question.</summary>
    ConsentDeclined,

    /// <summary>They asked for a person (<c>human</c>, <c>opt out</c>).</summary>
    HumanInterviewRequested,
}
