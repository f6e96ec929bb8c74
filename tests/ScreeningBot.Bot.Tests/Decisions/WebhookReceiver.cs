using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>
/// A webhook receiver on a real loopback Kestrel socket, as an ATS integration would run one: answers 500 to the first
/// <see cref="FailFirst"/> requests (or until <see cref="Fix"/>), then 200, and files each event once by its idempotency key.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _received;
    private volatile bool _fixed;

    private WebhookReceiver(WebApplication app, int failFirst)
    {
        _app = app;
        FailFirst = failFirst;
    }

    public int FailFirst { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request as received: headers of interest and the raw body.</summary>
    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    /// <summary>Events filed (answered 200), by idempotency key, with how many 200s each got.</summary>
    public ConcurrentDictionary<string, int> Filed { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, failFirst);
        app.MapPost("/hooks/screening", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hooks/screening");
        return receiver;
    }

    /// <summary>From now on every request is answered 200, however many have failed (the receiver's outage is over).</summary>
    public void Fix() => _fixed = true;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var key = headers["Idempotency-Key"].ToString();
        Requests.Enqueue(new ReceivedWebhook(headers["X-ScreeningBot-Signature"].ToString(), headers["X-ScreeningBot-Timestamp"].ToString(), key, headers["X-ScreeningBot-Event"].ToString(), headers.ContentType.ToString(), body));
        if (Interlocked.Increment(ref _received) <= FailFirst && !_fixed)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        Filed.AddOrUpdate(key, 1, (_, count) => count + 1);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
