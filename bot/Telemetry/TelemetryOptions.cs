using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>
/// Section <c>Telemetry</c>: where traces and metrics go. Off by default: with neither an OTLP endpoint nor an Azure Monitor
/// connection string nothing is collected or exported (the meters still serve dotnet-counters).
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The setting App Service and the Bicep template (infra/main.bicep) set for Application Insights.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>An OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> with <see cref="OtlpProtocol"/> <c>HttpProtobuf</c>. Empty: no OTLP export.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (the OTLP default, port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>
    /// Application Insights' connection string; empty falls back to <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, which the
    /// Bicep deployment sets, so a deployed bot reports to its Application Insights. Empty in both: no Azure Monitor export.
    /// </summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    [Required]
    public string ServiceName { get; set; } = "screeningbot";

    public bool ExportsOtlp => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public bool ExportsAzureMonitor => !string.IsNullOrWhiteSpace(AzureMonitorConnectionString);

    public bool Enabled => ExportsOtlp || ExportsAzureMonitor;

    /// <summary>The section as configured, with the Application Insights fallback applied.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new TelemetryOptions();
        configuration.GetSection(SectionName).Bind(options);
        if (string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString))
        {
            options.AzureMonitorConnectionString = configuration[ApplicationInsightsSetting];
        }

        return options;
    }
}
