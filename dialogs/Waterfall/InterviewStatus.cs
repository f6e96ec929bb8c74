namespace ScreeningBot.Dialogs.Waterfall;

public enum InterviewStatus
{
    /// <summary>Created; the candidate has not answered the consent question yet.</summary>
    NotStarted,

    InProgress,

    Paused,

    /// <summary>Every question asked; scorecard follows.</summary>
    Completed,

    /// <summary>A knockout failed; recommendation is No.</summary>
    KnockedOut,

    /// <summary>The candidate declined consent.</summary>
    Declined,

    /// <summary>The candidate withdrew.</summary>
    Withdrawn,

    /// <summary>The interview passed its expiry time.</summary>
    Expired,

    /// <summary>A recruiter cancelled it.</summary>
    Cancelled,

    /// <summary>The profile changed incompatibly mid-interview.</summary>
    Invalidated,

    /// <summary>The candidate asked for a person instead (<c>human</c>, <c>opt out</c>); nothing is scored.</summary>
    OptedOut,
}
