using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// <c>export --profile ID [--since DATE] [--format csv|json] [--out FILE]</c>: one row per screen of a profile (candidate,
/// status, score, recommendation, confidence, decision, who decided and when, report link) from the storage the bot is
/// configured for, for an applicant tracking system. Standard output by default (CSV with its header row first); progress
/// and the count go to standard error. Exit 0 on success, 1 when storage failed, 2 for bad usage or settings.
/// </summary>
internal sealed class ExportCommand : ICliCommand
{
    private readonly Option<string> _profile = new("--profile") { Description = "The profile whose screens to export (e.g. backend-senior).", HelpName = "ID", Required = true };

    private readonly Option<string> _since = new("--since") { Description = "Only screens started on or after this day (UTC), e.g. 2026-11-01.", HelpName = "DATE" };

    private readonly Option<string> _format = new("--format") { Description = "csv (default; header row first) or json (an array of objects).", HelpName = "csv|json" };

    private readonly Option<string> _out = new("--out") { Description = "Write to this file instead of standard output.", HelpName = "FILE" };

    public ExportCommand()
    {
        Command = new Command("export", "Exports the screens of a profile with their scores and decisions as CSV or JSON, for an applicant tracking system.")
        {
            _profile, _since, _format, _out,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var profile = parseResult.GetRequiredValue(_profile).Trim().ToLowerInvariant();
        if (profile.Length == 0)
        {
            throw new CliUsageException("option --profile needs a profile id, e.g. --profile backend-senior");
        }

        var format = ParseFormat(parseResult.GetValue(_format));
        var since = ParseSince(parseResult.GetValue(_since));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Time);
        services.AddScreeningBotStorage(context.Configuration);
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName);
        services.AddSingleton<ReportLinks>();
        services.AddSingleton<ScreenExporter>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            await context.Error.WriteLineAsync($"Reading the screens of '{profile}'…");
            var rows = await provider.GetRequiredService<ScreenExporter>().RowsAsync(profile, since, cancellationToken);
            if (parseResult.GetValue(_out) is { Length: > 0 } path)
            {
                await using (var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
                {
                    await ScreenExporter.WriteAsync(file, rows, format, cancellationToken);
                }

                await context.Error.WriteLineAsync($"Wrote {rows.Count} screen(s) to {Path.GetFullPath(path)}.");
            }
            else
            {
                await ScreenExporter.WriteAsync(context.Output, rows, format, cancellationToken);
                await context.Error.WriteLineAsync($"Exported {rows.Count} screen(s).");
            }

            return 0;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the Storage settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: the screens could not be read: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: could not write the export: {e.Message}");
            return 2;
        }
    }

    internal static ExportFormat ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "json" => ExportFormat.Json,
        _ => throw new CliUsageException($"--format is csv or json, not '{text}'"),
    };

    internal static DateTimeOffset? ParseSince(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        : throw new CliUsageException($"--since is a day like 2026-11-01, not '{text}'");
}
