using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// <c>adverse-impact [--profile ID] [--from DATE] [--to DATE] [--min-group N]</c>: selection rates per group and impact
/// ratios for interviews created in the period (both days included; default the last twelve months), from the configured
/// storage. Counts only. Exit 0 printed, 1 storage failed, 2 bad usage or invalid settings.
/// </summary>
internal sealed class AdverseImpactCommand : ICliCommand
{
    private readonly Option<string?> _profile = new("--profile") { Description = "Only interviews of this profile (default: all).", HelpName = "ID" };

    private readonly Option<string?> _from = new("--from") { Description = "First day of the period, YYYY-MM-DD (default: a year before --to).", HelpName = "DATE" };

    private readonly Option<string?> _to = new("--to") { Description = "Last day of the period, YYYY-MM-DD, included (default: today, UTC).", HelpName = "DATE" };

    private readonly Option<int?> _minGroup = new("--min-group") { Description = "Fewest candidates a group needs to be judged (default: Compliance:MinimumGroupSize, 5).", HelpName = "N" };

    public AdverseImpactCommand()
    {
        Command = new Command("adverse-impact", "Prints selection rates per sex and race/ethnicity group, impact ratios and four-fifths flags for a period.")
        {
            _profile,
            _from,
            _to,
            _minGroup,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var to = Date(parseResult.GetValue(_to), "--to") ?? DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        var from = Date(parseResult.GetValue(_from), "--from") ?? to.AddYears(-1).AddDays(1);
        if (to < from)
        {
            throw new CliUsageException($"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        }

        if (parseResult.GetValue(_minGroup) is < 1)
        {
            throw new CliUsageException("option --min-group needs a number of at least 1");
        }

        await using var provider = ComplianceCliServices.Build(context, withChannels: false);
        try
        {
            var minimum = parseResult.GetValue(_minGroup) ?? provider.GetRequiredService<IOptions<ComplianceOptions>>().Value.MinimumGroupSize;
            var report = await provider.GetRequiredService<AdverseImpactReporter>().ReportAsync(
                parseResult.GetValue(_profile),
                new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                minimum,
                cancellationToken);
            await context.Output.WriteLineAsync(AdverseImpactText.Render(report, markup: false));
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: could not read the data: {e.Message}");
            return 1;
        }
    }

    private static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new CliUsageException($"option {option} needs a date as YYYY-MM-DD, not '{text}'");
}
