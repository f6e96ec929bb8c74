using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Judging;

namespace ScreeningBot.Bot.Health;

/// <summary>
/// Readiness of the LLM judge (registered only when <c>Judge:Provider</c> names a model): a one-word request to the model, at
/// most once per <see cref="ProbeInterval"/> so probes cost a few tokens an hour. A model that does not answer makes the bot
/// Degraded, not Unhealthy: the rubric judge answers meanwhile, so the instance should stay in rotation.
/// </summary>
internal sealed class LlmHealthCheck(
    [FromKeyedServices(JudgingServiceCollectionExtensions.ChatClientKey)] IChatClient chat,
    IOptions<LlmJudgeOptions> options,
    TimeProvider time,
    ILogger<LlmHealthCheck> logger) : IHealthCheck, IDisposable
{
    public const string Name = "llm";

    /// <summary>How long one probe's answer is reused.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _probing = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && time.GetUtcNow() - last.At < ProbeInterval)
            {
                return last.Result;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _probing.Release();
        }
    }

    public void Dispose() => _probing.Dispose();

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        try
        {
            await chat.GetResponseAsync("Reply with the single word OK.", new ChatOptions { MaxOutputTokens = 5 }, deadline.Token);
            return HealthCheckResult.Healthy("the judge's model answered");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of the model (HTTP, auth, timeout) means the same here; it is logged with its exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            HealthLog.LlmProbeFailed(logger, e);
            return HealthCheckResult.Degraded("the judge's model did not answer; the rubric judge answers until it does");
        }
    }
}
