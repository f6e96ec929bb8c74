using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>Registers the bot's metrics, the decorators that feed them, and the OpenTelemetry exporters when configured.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The LLM judge's chat client reports under this source and meter (Microsoft.Extensions.AI's UseOpenTelemetry).</summary>
    private const string ChatClientTelemetry = "Experimental.Microsoft.Extensions.AI";

    /// <summary>
    /// Registers <see cref="BotMetrics"/> and decorates the judge, the interview store, the scoring queue and the scorecard
    /// publisher with timing; call it after the storage and the core are registered. With <c>Telemetry:OtlpEndpoint</c> or an
    /// Azure Monitor connection string (<see cref="TelemetryOptions"/>) it also starts OpenTelemetry: the bot's spans and
    /// metrics, ASP.NET Core's and HttpClient's, the runtime's and the LLM client's, sent to every exporter configured.
    /// </summary>
    public static IServiceCollection AddScreeningBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<TelemetryOptions, TelemetryOptionsValidator>().BindConfiguration(TelemetryOptions.SectionName);
        services.AddBotMetrics();
        services.Decorate<IAnswerJudge>((inner, sp) => new MeteredAnswerJudge(inner, sp.GetRequiredService<BotMetrics>()));
        services.Decorate<IInterviewStore>((inner, sp) => new MeteredInterviewStore(inner, sp.GetRequiredService<BotMetrics>()));
        services.Decorate<IJobQueue>((inner, sp) => new MeteredJobQueue(inner, sp.GetRequiredService<BotMetrics>()));
        services.Decorate<IScorecardPublisher>((inner, sp) => new MeteredScorecardPublisher(inner, sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<TimeProvider>()));

        var options = TelemetryOptions.From(configuration);
        if (!options.Enabled)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddScreeningBotInstrumentation();
                if (options.ExportsOtlp)
                {
                    tracing.AddOtlpExporter(o => Otlp(o, options, "traces"));
                }

                if (options.ExportsAzureMonitor)
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = options.AzureMonitorConnectionString);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddScreeningBotMeters();
                if (options.ExportsOtlp)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, options, "metrics"));
                }

                if (options.ExportsAzureMonitor)
                {
                    metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = options.AzureMonitorConnectionString);
                }
            });
        return services;
    }

    /// <summary>Registers <see cref="BotMetrics"/> (once), whose turn queue gauge reads <see cref="TurnQueue.Pending"/>.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton(sp =>
        {
            var metrics = new BotMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
            // Read when a listener collects, by which time the queue exists (it is a hosted service).
            metrics.ObserveTurnQueue(() => sp.GetRequiredService<TurnQueue>().Pending);
            return metrics;
        });
        return services;
    }

    /// <summary>
    /// The spans exported: the bot's turns (children of ASP.NET Core's request spans, which the default parent-based sampler
    /// needs recorded), inbound requests other than health probes, outbound HTTP, and the LLM client's calls.
    /// </summary>
    public static TracerProviderBuilder AddScreeningBotInstrumentation(this TracerProviderBuilder tracing)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing.AddSource(ScreeningBotTelemetry.Name, ChatClientTelemetry)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(BotRoutes.Health, StringComparison.OrdinalIgnoreCase))
            .AddHttpClientInstrumentation();
    }

    /// <summary>The metrics exported: the bot's, ASP.NET Core's and Kestrel's, HttpClient's, the runtime's and the LLM client's.</summary>
    public static MeterProviderBuilder AddScreeningBotMeters(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.AddMeter(ScreeningBotTelemetry.Name, ChatClientTelemetry, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime");
    }

    /// <summary>
    /// Points the exporter at the collector. Over HTTP the exporter takes the endpoint as the signal's full URL when it is set
    /// in code, so the standard path (<c>/v1/traces</c>, <c>/v1/metrics</c>) is added here. An invalid URL is left to
    /// <see cref="TelemetryOptionsValidator"/>, which stops the start with its name.
    /// </summary>
    private static void Otlp(OpenTelemetry.Exporter.OtlpExporterOptions exporter, TelemetryOptions options, string signal)
    {
        if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            return;
        }

        exporter.Protocol = options.OtlpProtocol;
        exporter.Endpoint = options.OtlpProtocol == OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signal)
            : endpoint;
    }
}
