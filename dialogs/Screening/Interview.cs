using System.Text.Json.Serialization;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// One screen of one candidate against one profile: who and where (fixed at the start), where the engine stands in the
/// plan (<see cref="Position"/>) and what the interview has gathered (<see cref="Record"/>). Stored with an ETag by
/// <see cref="Storage.IInterviewStore"/>.
/// </summary>
public sealed record Interview
{
    /// <summary>
    /// The persisted shape this code writes. 1 (until issue 14): one <c>state</c> object with position and record mixed;
    /// read by <see cref="Serialization.InterviewSchema"/>, which upgrades it.
    /// </summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>Written first, so a reader can tell the shape before parsing the rest.</summary>
    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Opaque id (<c>iv-</c> + 20 lowercase base32 chars); safe in URLs, table keys and file names.</summary>
    public required string Id { get; init; }

    public required string ProfileId { get; init; }

    /// <summary>The candidate and their 1:1 conversation with the bot.</summary>
    public required Participant Candidate { get; init; }

    public required ConversationAddress CandidateConversation { get; init; }

    /// <summary>Who started the screen (null for rehearsals).</summary>
    public Participant? Recruiter { get; init; }

    /// <summary>Where the scorecard goes: the profile's hiring channel, or the channel the screen was started from.</summary>
    public ConversationAddress? HiringConversation { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required PlanPosition Position { get; init; }

    public required InterviewRecord Record { get; init; }

    [JsonIgnore]
    public InterviewStatus Status => Record.Status;

    /// <summary>The key under which the candidate's conversation finds this interview.</summary>
    [JsonIgnore]
    public string ConversationKey => CandidateConversation.Key;
}

/// <summary>A person in a channel.</summary>
/// <param name="Id">Channel user id (Teams <c>29:…</c>, Slack <c>U…</c>, or a local id).</param>
/// <param name="Name">Display name; may be empty.</param>
/// <param name="AadObjectId">Entra object id (Teams only).</param>
public sealed record Participant(string Id, string Name, string? AadObjectId = null);

/// <summary>
/// Where to reach a conversation later (proactively): the channel-neutral part of a Bot Framework
/// ConversationReference or a Slack channel id. Only built from authenticated input.
/// </summary>
public sealed record ConversationAddress
{
    /// <summary><c>msteams</c>, <c>slack</c>, <c>webchat</c>, <c>emulator</c>, <c>directline</c>, <c>playground</c> or <c>terminal</c>.</summary>
    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    /// <summary>Bot Framework serviceUrl (null for Slack and local channels).</summary>
    public string? ServiceUrl { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The bot's own account id in this channel (Teams <c>28:…</c>).</summary>
    public string? BotId { get; init; }

    /// <summary>A thread inside the conversation (Slack <c>thread_ts</c>, Teams root message id).</summary>
    public string? ThreadId { get; init; }

    /// <summary>Whether the address arrived through the Bot Framework connector (vs. Slack's own API).</summary>
    public bool ViaBotFramework { get; init; }

    /// <summary><c>{channelId}:{conversationId}</c>; the lookup key of the candidate's conversation.</summary>
    public string Key => $"{ChannelId}:{ConversationId}";
}

/// <summary>Who spoke a transcript turn.</summary>
public enum Speaker
{
    Bot,
    Candidate,
}

/// <summary>One line of the transcript. Transcripts are append-only; turns are ordered by <see cref="Sequence"/>.</summary>
public sealed record TranscriptTurn
{
    public required string InterviewId { get; init; }

    /// <summary>0-based, gap-free order within the interview.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required Speaker Speaker { get; init; }

    public required Phase Phase { get; init; }

    /// <summary>The question this turn asks or answers; null for housekeeping.</summary>
    public string? QuestionId { get; init; }

    /// <summary>The text as sent or received (untrusted when the candidate spoke). May be long.</summary>
    public required string Text { get; init; }

    /// <summary>For candidate turns: time since the question was asked, pauses excluded.</summary>
    public TimeSpan? AnswerLatency { get; init; }

    /// <summary>For candidate answers: when the question they answer was sent.</summary>
    public DateTimeOffset? PromptSentAt { get; init; }

    /// <summary>
    /// For candidate answers: when the candidate sent the message, from the channel's timestamp when it gave one (kept
    /// between <see cref="PromptSentAt"/> and the time it arrived), else the time it arrived.
    /// </summary>
    public DateTimeOffset? SentAt { get; init; }
}
