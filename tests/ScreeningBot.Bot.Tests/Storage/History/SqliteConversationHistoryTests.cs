using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage.History;

/// <summary>Conversation history on SQLite, each call of the stores counted (the store abstraction is where a request starts).</summary>
public sealed class SqliteConversationHistoryTests : ConversationHistoryContract
{
    private readonly SqliteTestDatabase _database = new();
    private readonly List<string> _calls = [];

    protected override int Requests
    {
        get
        {
            lock (_calls)
            {
                return _calls.Count;
            }
        }
    }

    protected override Task<(IInterviewStore Interviews, ITranscriptStore Transcripts)> CreateStoresAsync()
    {
        var database = _database.Open();
        return Task.FromResult<(IInterviewStore, ITranscriptStore)>((new CountingStore(new SqliteInterviewStore(database), _calls), new CountingTranscripts(new SqliteTranscriptStore(database), _calls)));
    }

    protected override void AssertOnePlace(int from)
    {
        lock (_calls)
        {
            Assert.All(_calls.Skip(from), call => Assert.Equal(nameof(IInterviewHistoryReader.ReadHistoryAsync), call));
        }
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Delete();
        return Task.CompletedTask;
    }

    private static T Count<T>(List<string> calls, string name, T result)
    {
        lock (calls)
        {
            calls.Add(name);
        }

        return result;
    }

    private sealed class CountingStore(SqliteInterviewStore inner, List<string> calls) : IInterviewStore, IInterviewHistoryReader
    {
        public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken) => inner.CreateAsync(interview, cancellationToken);

        public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) => Count(calls, nameof(GetAsync), inner.GetAsync(interviewId, cancellationToken));

        public Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken) => inner.UpdateAsync(current, updated, cancellationToken);

        public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
            Count(calls, nameof(FindByConversationAsync), inner.FindByConversationAsync(conversationKey, cancellationToken));

        public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) => inner.ListAsync(query, limit, cancellationToken);

        public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) => inner.DeleteAsync(interviewId, cancellationToken);

        public Task<InterviewHistory?> ReadHistoryAsync(string interviewId, long after, CancellationToken cancellationToken) =>
            Count(calls, nameof(ReadHistoryAsync), inner.ReadHistoryAsync(interviewId, after, cancellationToken));
    }

    private sealed class CountingTranscripts(SqliteTranscriptStore inner, List<string> calls) : ITranscriptStore
    {
        public Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken) => inner.AppendAsync(interviewId, turns, cancellationToken);

        public Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken) => Count(calls, "transcript.ReadAsync", inner.ReadAsync(interviewId, cancellationToken));

        public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken) => inner.DeleteAsync(interviewId, cancellationToken);
    }
}
