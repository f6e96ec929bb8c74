using System.Diagnostics;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>
/// Times the interview store's calls of a turn into <c>screeningbot.storage.duration</c> (operation <c>interview.find</c>,
/// <c>interview.get</c>, <c>interview.history</c>, <c>interview.create</c>, <c>interview.update</c>, and whether it succeeded); behaviour and
/// exceptions are the inner store's.
/// </summary>
internal sealed class MeteredInterviewStore(IInterviewStore inner, BotMetrics metrics) : IInterviewStore, IInterviewHistoryReader
{
    public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken) =>
        TimeAsync("interview.create", (inner, interview, cancellationToken), static s => s.inner.CreateAsync(s.interview, s.cancellationToken));

    public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) =>
        TimeAsync("interview.get", (inner, interviewId, cancellationToken), static s => s.inner.GetAsync(s.interviewId, s.cancellationToken));

    /// <summary>The inner store's combined read; a store without one answers with the interview alone (the caller reads the transcript).</summary>
    public Task<InterviewHistory?> ReadHistoryAsync(string interviewId, long after, CancellationToken cancellationToken) =>
        TimeAsync("interview.history", (inner, interviewId, after, cancellationToken), static async s => s.inner is IInterviewHistoryReader reader
            ? await reader.ReadHistoryAsync(s.interviewId, s.after, s.cancellationToken)
            : await s.inner.GetAsync(s.interviewId, s.cancellationToken) is { } stored ? new InterviewHistory(stored, []) : null);

    public Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken) =>
        TimeAsync("interview.update", (inner, current, updated, cancellationToken), static s => s.inner.UpdateAsync(s.current, s.updated, s.cancellationToken));

    public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        TimeAsync("interview.find", (inner, conversationKey, cancellationToken), static s => s.inner.FindByConversationAsync(s.conversationKey, s.cancellationToken));

    public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) =>
        inner.ListAsync(query, limit, cancellationToken);

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) =>
        inner.DeleteAsync(interviewId, cancellationToken);

    private Task<T> TimeAsync<TState, T>(string operation, TState state, Func<TState, Task<T>> call) =>
        metrics.StorageEnabled ? TimedAsync(operation, state, call) : call(state);

    private async Task<T> TimedAsync<TState, T>(string operation, TState state, Func<TState, Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var success = false;
        try
        {
            var result = await call(state);
            success = true;
            return result;
        }
        finally
        {
            metrics.StorageCall(operation, started, success);
        }
    }
}
