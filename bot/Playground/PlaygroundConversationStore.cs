using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// What the playground connector holds: conversations and the activities the bot sent into them, in memory, in one global
/// order (<see cref="PlaygroundEntry.Sequence"/>) that the page reads after a cursor. Bounded three ways by
/// <see cref="PlaygroundOptions"/>: conversations (the one idle longest is forgotten), activities per conversation and total
/// bytes (the oldest go first). Thread-safe.
/// </summary>
internal sealed class PlaygroundConversationStore(IOptions<PlaygroundOptions> options, TimeProvider time, ILogger<PlaygroundConversationStore> logger)
{
    /// <summary>Longest conversation id accepted (Teams ids are under 200 characters).</summary>
    public const int MaxConversationIdLength = 256;

    /// <summary>Longest member id accepted.</summary>
    public const int MaxMemberIdLength = 128;

    /// <summary>Most activities returned by one read; the page reads again from the returned cursor.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Prefix of the stable 1:1 conversation ids (like Teams, one personal conversation per user and bot).</summary>
    public const string PersonalPrefix = "dm:";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Conversation> _conversations = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;
    private long _groups;
    private long _storedBytes;

    /// <summary>The sequence of the newest activity (0 when none was stored yet).</summary>
    public long Head
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>
    /// Opens a conversation (<c>POST v3/conversations</c>): a 1:1 with one member keeps one stable id per member, as Teams does,
    /// so inviting the same person twice reuses their chat; a group gets a new id.
    /// </summary>
    public PlaygroundConversationInfo Open(bool isGroup, IReadOnlyList<string> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var forgotten = new List<(string Id, string Reason)>();
        PlaygroundConversationInfo info;
        lock (_gate)
        {
            var id = !isGroup && memberIds.Count == 1
                ? PersonalPrefix + memberIds[0]
                : "group:" + (++_groups).ToString(CultureInfo.InvariantCulture);
            var conversation = GetOrAdd(id, forgotten);
            conversation.IsGroup = isGroup;
            conversation.Members = [.. memberIds];
            info = conversation.Info;
        }

        LogForgotten(forgotten);
        return info;
    }

    /// <summary>
    /// Stores an activity the bot sent into <paramref name="conversationId"/>, as a connector would: it gets an id
    /// (<c>pg-&lt;sequence&gt;</c>), a timestamp and the conversation. A conversation the store does not know (the page's own
    /// channel) is added on first use.
    /// </summary>
    public PlaygroundEntry Append(string conversationId, JsonObject activity, string? replyToId = null) => AppendEntry(conversationId, activity, replyToId, deletedId: null);

    private PlaygroundEntry AppendEntry(string conversationId, JsonObject activity, string? replyToId, string? deletedId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        PlaygroundEntry entry;
        var forgotten = new List<(string Id, string Reason)>();
        lock (_gate)
        {
            var conversation = GetOrAdd(conversationId, forgotten);
            var sequence = ++_sequence;
            var id = deletedId ?? "pg-" + sequence.ToString(CultureInfo.InvariantCulture);
            var stored = (JsonObject)activity.DeepClone();
            stored["id"] = id;
            stored["timestamp"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            stored["channelId"] ??= PlaygroundChannel.Id;
            stored["conversation"] = conversation.IsGroup is { } isGroup ? new JsonObject { ["id"] = conversationId, ["isGroup"] = isGroup } : new JsonObject { ["id"] = conversationId };
            if (replyToId is not null)
            {
                stored["replyToId"] = replyToId;
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(stored, PlaygroundJsonContext.Default.JsonObject);
            using var document = JsonDocument.Parse(json);
            entry = new PlaygroundEntry(sequence, conversationId, id, document.RootElement.Clone(), json.Length);
            conversation.Entries.Enqueue(entry);
            conversation.LastUsed = sequence;
            _storedBytes += entry.Bytes;

            var settings = options.Value;
            while (conversation.Entries.Count > settings.MaxActivitiesPerConversation)
            {
                _storedBytes -= conversation.Entries.Dequeue().Bytes;
            }

            while (_storedBytes > settings.MaxStoredBytes && OldestEntryOwner() is { } owner)
            {
                _storedBytes -= owner.Entries.Dequeue().Bytes;
            }

            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }

        LogForgotten(forgotten);
        PlaygroundLog.ActivityStored(logger, entry.ActivityId, conversationId);
        return entry;
    }

    /// <summary>
    /// Deletes an activity the bot sent, as the connector's <c>DELETE</c> does, and tells the page with a <c>messageDelete</c>
    /// activity carrying the deleted id (the Bot Framework's own activity type for it). False when no such activity is stored.
    /// </summary>
    public bool Delete(string conversationId, string activityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        lock (_gate)
        {
            // The messageDelete left behind carries the deleted id too; it is not an activity that can be deleted again.
            if (!_conversations.TryGetValue(conversationId, out var conversation) || !conversation.Entries.Any(e => e.ActivityId == activityId && !IsDeletion(e)))
            {
                return false;
            }

            var kept = conversation.Entries.Where(e => e.ActivityId != activityId).ToArray();
            _storedBytes -= conversation.Entries.Where(e => e.ActivityId == activityId).Sum(e => (long)e.Bytes);
            conversation.Entries.Clear();
            foreach (var entry in kept)
            {
                conversation.Entries.Enqueue(entry);
            }
        }

        AppendEntry(conversationId, new JsonObject { ["type"] = "messageDelete" }, replyToId: null, deletedId: activityId);
        return true;
    }

    private static bool IsDeletion(PlaygroundEntry entry) =>
        entry.Activity.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "messageDelete";

    /// <summary>
    /// Activities after <paramref name="after"/> (all conversations, or one), oldest first, at most <paramref name="max"/>.
    /// <see cref="PlaygroundFeed.Next"/> is the cursor for the next read.
    /// </summary>
    public PlaygroundFeed Read(long after, string? conversationId = null, int max = MaxPageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_gate)
        {
            IEnumerable<Conversation> sources = conversationId is null ? _conversations.Values
                : _conversations.TryGetValue(conversationId, out var one) ? [one]
                : [];
            var page = sources
                .SelectMany(c => c.Entries.Where(e => e.Sequence > after).Select(e => (Entry: e, Conversation: c)))
                .OrderBy(x => x.Entry.Sequence)
                .Take(Math.Min(max, MaxPageSize))
                .Select(x => new PlaygroundFeedItem(x.Entry.Sequence, x.Conversation.Info, x.Entry.Activity))
                .ToArray();
            var next = page.Length == Math.Min(max, MaxPageSize) ? page[^1].Seq : Math.Max(after, _sequence);
            return new PlaygroundFeed(page, next);
        }
    }

    /// <summary>Completes when an activity newer than <paramref name="after"/> is stored, or after <paramref name="timeout"/>.</summary>
    public async Task WaitForNewerAsync(long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate)
        {
            if (_sequence > after || timeout <= TimeSpan.Zero)
            {
                return;
            }

            changed = _changed.Task;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        await Task.WhenAny(changed, delay);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void LogForgotten(List<(string Id, string Reason)> forgotten)
    {
        foreach (var (id, reason) in forgotten)
        {
            PlaygroundLog.ConversationForgotten(logger, id, reason);
        }
    }

    private Conversation GetOrAdd(string id, List<(string Id, string Reason)> forgotten)
    {
        if (_conversations.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (_conversations.Count >= options.Value.MaxConversations)
        {
            var idle = _conversations.Values.MinBy(c => c.LastUsed)!;
            _conversations.Remove(idle.Id);
            _storedBytes -= idle.Entries.Sum(e => (long)e.Bytes);
            forgotten.Add((idle.Id, $"more than Playground:MaxConversations ({options.Value.MaxConversations}) conversations"));
        }

        var conversation = new Conversation(id) { LastUsed = _sequence };
        _conversations.Add(id, conversation);
        return conversation;
    }

    private Conversation? OldestEntryOwner() =>
        _conversations.Values.Where(c => c.Entries.Count > 0).MinBy(c => c.Entries.Peek().Sequence);

    private sealed class Conversation(string id)
    {
        public string Id { get; } = id;

        public bool? IsGroup { get; set; }

        public IReadOnlyList<string> Members { get; set; } = [];

        public Queue<PlaygroundEntry> Entries { get; } = new();

        /// <summary>The sequence when it was last written to (or created); the smallest is forgotten first.</summary>
        public long LastUsed { get; set; }

        public PlaygroundConversationInfo Info => new(Id, IsGroup, Members);
    }
}

/// <summary>One stored activity: its place in the global order, where it went, and its JSON as sent.</summary>
internal sealed record PlaygroundEntry(long Sequence, string ConversationId, string ActivityId, JsonElement Activity, int Bytes);
