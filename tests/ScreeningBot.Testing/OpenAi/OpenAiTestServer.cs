using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScreeningBot.Testing.OpenAi;

/// <summary>
/// A loopback OpenAI-compatible server: real Kestrel on 127.0.0.1 with a random port, speaking the chat completions
/// wire format (<c>POST /v1/chat/completions</c> for OpenAI-style clients, <c>POST /openai/deployments/{name}/chat/completions</c>
/// for Azure OpenAI). It records every request and answers with scripted replies: a queue (one reply per request, in
/// order) or a responder that looks at the request. Stalls end when the client disconnects or the server stops.
/// </summary>
public sealed class OpenAiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ChatCompletionReply> _script = new();
    private readonly List<RecordedChatRequest> _requests = [];
    private readonly List<(Func<RecordedChatRequest, bool> Match, int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private int _inFlight;
    private int _maxInFlight;

    private OpenAiTestServer(WebApplication app) => _app = app;

    /// <summary>Base URL for OpenAI-compatible clients, ending in <c>/v1/</c>.</summary>
    public Uri OpenAiEndpoint { get; private set; } = null!;

    /// <summary>Base URL for Azure OpenAI clients (the resource endpoint).</summary>
    public Uri AzureEndpoint { get; private set; } = null!;

    /// <summary>Answers requests when the script queue is empty; by default an HTTP 500 saying the script ran out.</summary>
    public Func<RecordedChatRequest, ChatCompletionReply>? Responder { get; set; }

    /// <summary>The most requests the server was handling at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<RecordedChatRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<OpenAiTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OpenAiTestServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server.OpenAiEndpoint = new Uri(address, "/v1/");
        server.AzureEndpoint = new Uri(address, "/");
        return server;
    }

    /// <summary>Bot configuration (keys like <c>Judge:Provider</c>) for an LLM judge and narrator served by this server.</summary>
    public IReadOnlyDictionary<string, string> JudgeSettings(int? timeoutSeconds = null)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Judge:Provider"] = "OpenAI",
            ["Judge:Endpoint"] = OpenAiEndpoint.ToString(),
            ["Judge:Model"] = "test-model",
            ["Judge:ApiKey"] = "sk-test",
        };
        if (timeoutSeconds is { } seconds)
        {
            settings["Judge:TimeoutSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Judge:NarrativeTimeoutSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>Queues replies, answered in order, one per request.</summary>
    public OpenAiTestServer Enqueue(params ChatCompletionReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived (no polling, no sleeps).</summary>
    public Task WaitForRequestsAsync(int count) => WaitForRequestsAsync(_ => true, count);

    /// <summary>Completes once at least <paramref name="count"/> requests matching <paramref name="match"/> have arrived.</summary>
    public Task WaitForRequestsAsync(Func<RecordedChatRequest, bool> match, int count)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            if (_requests.Count(match) >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, max);
        }

        try
        {
            await ReplyAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ReplyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedChatRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? string.Empty, headers, body);
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count(w.Match) >= w.Count).ToArray())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        var reply = _script.TryDequeue(out var scripted) ? scripted
            : Responder?.Invoke(request) ?? ChatCompletionReply.Error(500) with { Body = """{"error":{"message":"the test script has no reply for this request"}}""" };
        if (reply.Stall is not null || reply.Gate is not null)
        {
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await (reply.Gate ?? Task.Delay(reply.Stall!.Value, giveUp.Token)).WaitAsync(giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                request.Finish(clientGaveUp: context.RequestAborted.IsCancellationRequested);
                return;
            }
        }

        try
        {
            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body, context.RequestAborted);
        }
        finally
        {
            request.Finish(clientGaveUp: context.RequestAborted.IsCancellationRequested);
        }
    }
}
