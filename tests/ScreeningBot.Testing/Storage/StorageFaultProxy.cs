using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// Azure Table and Queue Storage (Azurite) behind a loopback proxy the test controls, as a real account behind a flaky
/// network or a busy storage front end: requests are forwarded by YARP unchanged (Shared Key signatures stay valid), and
/// faults injected with <see cref="Inject"/> answer matching requests instead: <see cref="StorageFaultKind.Refuse"/>
/// (throttling: 503 ServerBusy or 500 InternalError in Azure's own error format, nothing reaches the service) or
/// <see cref="StorageFaultKind.LoseResponse"/> (the service does the work, the client gets the error: a write that
/// committed although the caller saw it fail). Every request is recorded. Thread-safe.
/// </summary>
public sealed class StorageFaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<StorageFault> _faults = [];
    private readonly List<StorageRequest> _requests = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpMessageInvoker _invoker;
    private readonly Uri _table;
    private readonly Uri _queue;
    private readonly string _account;
    private readonly string _key;
    private int _tablePort;
    private int _queuePort;

    private StorageFaultProxy(WebApplication app, Uri table, Uri queue, string account, string key)
    {
        _app = app;
        _table = table;
        _queue = queue;
        _account = account;
        _key = key;
        _invoker = new HttpMessageInvoker(new FaultHandler(this)
        {
            InnerHandler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false },
        });
    }

    /// <summary>The same account as the Azurite connection string it was started with, with endpoints at this proxy.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Every request the proxy handled, in order, with what it answered.</summary>
    public IReadOnlyList<StorageRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a proxy in front of the Table and Queue endpoints of <paramref name="azuriteConnectionString"/>.</summary>
    public static async Task<StorageFaultProxy> StartAsync(string azuriteConnectionString)
    {
        var (table, queue, account, key) = Parse(azuriteConnectionString);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var proxy = new StorageFaultProxy(app, table, queue, account, key);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var ports = app.Urls.Select(u => new Uri(u).Port).ToArray();
        proxy._tablePort = ports[0];
        proxy._queuePort = ports[1];
        proxy.ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={account};AccountKey={key};" +
            $"TableEndpoint=http://127.0.0.1:{ports[0].ToString(CultureInfo.InvariantCulture)}/{account};" +
            $"QueueEndpoint=http://127.0.0.1:{ports[1].ToString(CultureInfo.InvariantCulture)}/{account};";
        return proxy;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the recorded requests; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<StorageRequest>> WaitForAsync(Func<IReadOnlyList<StorageRequest>, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_requests))
                {
                    return [.. _requests];
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}; the storage proxy saw {Requests.Count} requests.");
            }
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests matching <paramref name="match"/> with the fault (until <see cref="Clear"/>).</summary>
    public void Inject(StorageFaultKind kind, Func<StorageRequest, bool> match, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, int times = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            _faults.Add(new StorageFault(kind, match, status) { TimesLeft = times });
        }
    }

    /// <summary>Removes every fault: requests go through again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _invoker.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var destination = context.Connection.LocalPort == _tablePort ? _table : _queue;
        var error = await context.RequestServices.GetRequiredService<IHttpForwarder>()
            .SendAsync(context, destination.GetLeftPart(UriPartial.Authority), _invoker, ForwarderRequestConfig.Empty, HttpTransformer.Default);
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadGateway;
        }
    }

    private (StorageFault? Fault, StorageRequest Request) Take(HttpRequestMessage message)
    {
        var request = new StorageRequest(
            message.RequestUri!.Port == _table.Port ? StorageService.Table : StorageService.Queue,
            message.Method.Method,
            Uri.UnescapeDataString(message.RequestUri.AbsolutePath),
            message.RequestUri.Query);
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.TimesLeft > 0 && f.Match(request));
            if (fault is not null)
            {
                fault.TimesLeft--;
            }

            return (fault, request);
        }
    }

    private void Record(StorageRequest request)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _requests.Add(request);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The error Azure Storage answers with: the code in <c>x-ms-error-code</c> and in the body, JSON for tables, XML for queues.</summary>
    private static HttpResponseMessage Error(StorageService service, HttpStatusCode status)
    {
        var code = status == HttpStatusCode.ServiceUnavailable ? "ServerBusy" : "InternalError";
        var message = status == HttpStatusCode.ServiceUnavailable
            ? "The server is busy. (injected by the test's storage proxy)"
            : "The server encountered an internal error. Please retry the request. (injected by the test's storage proxy)";
        var content = service == StorageService.Table
            ? new StringContent("{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"" + message + "\"}}}", Encoding.UTF8, "application/json")
            : new StringContent($"""<?xml version="1.0" encoding="utf-8"?><Error><Code>{code}</Code><Message>{message}</Message></Error>""", Encoding.UTF8, "application/xml");
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.TryAddWithoutValidation("x-ms-error-code", code);
        response.Headers.TryAddWithoutValidation("x-ms-request-id", Guid.NewGuid().ToString());
        return response;
    }

    private static (Uri Table, Uri Queue, string Account, string Key) Parse(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var yes) && yes)
        {
            return (new Uri("http://127.0.0.1:10002/devstoreaccount1"), new Uri("http://127.0.0.1:10001/devstoreaccount1"), AzuriteProcess.DevAccountName, AzuriteProcess.DevAccountKey);
        }

        return parts.TryGetValue("TableEndpoint", out var table) && parts.TryGetValue("QueueEndpoint", out var queue)
            && parts.TryGetValue("AccountName", out var account) && parts.TryGetValue("AccountKey", out var key)
            ? (new Uri(table), new Uri(queue), account, key)
            : throw new ArgumentException("The Azurite connection string needs TableEndpoint, QueueEndpoint, AccountName and AccountKey (or UseDevelopmentStorage=true).", nameof(connectionString));
    }

    private sealed record StorageFault(StorageFaultKind Kind, Func<StorageRequest, bool> Match, HttpStatusCode Status)
    {
        public int TimesLeft { get; set; }
    }

    private sealed class FaultHandler(StorageFaultProxy proxy) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (fault, recorded) = proxy.Take(request);
            if (fault is null)
            {
                var response = await base.SendAsync(request, cancellationToken);
                proxy.Record(recorded with { Status = (int)response.StatusCode });
                return response;
            }

            if (fault.Kind == StorageFaultKind.LoseResponse)
            {
                using var done = await base.SendAsync(request, cancellationToken);
                await done.Content.LoadIntoBufferAsync(cancellationToken);
                proxy.Record(recorded with { Status = (int)fault.Status, Fault = fault.Kind, ServiceStatus = (int)done.StatusCode });
            }
            else
            {
                proxy.Record(recorded with { Status = (int)fault.Status, Fault = fault.Kind });
            }

            return Error(recorded.Service, fault.Status);
        }
    }
}
