using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// Gathers the adverse-impact report's figures through the ports: the self-identification records of a profile and period,
/// each interview's recommendation from its report, and people's decisions from <see cref="IHumanDecisionSource"/>; then
/// <see cref="AdverseImpact.Compute"/> does the arithmetic. Only counts leave it.
/// </summary>
public sealed class AdverseImpactReporter
{
    private readonly ISelfIdentificationStore _selfIdentifications;
    private readonly IReportStore _reports;
    private readonly IHumanDecisionSource _decisions;

    public AdverseImpactReporter(ISelfIdentificationStore selfIdentifications, IReportStore reports, IHumanDecisionSource decisions)
    {
        ArgumentNullException.ThrowIfNull(selfIdentifications);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(decisions);
        _selfIdentifications = selfIdentifications;
        _reports = reports;
        _decisions = decisions;
    }

    public async Task<AdverseImpactReport> ReportAsync(string? profileId, DateTimeOffset from, DateTimeOffset to, int minimumGroupSize, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The period must end after it starts ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}).", nameof(to));
        }

        var records = await _selfIdentifications.ListAsync(new SelfIdentificationQuery(profileId, from, to), cancellationToken);
        var candidates = new List<ImpactCandidate>(records.Count);
        var notYetScored = 0;
        foreach (var record in records.OrderBy(r => r.InterviewId, StringComparer.Ordinal))
        {
            if (await _reports.GetAsync(record.InterviewId, cancellationToken) is not { } report)
            {
                notYetScored++;
                continue;
            }

            var recommended = report.Scorecard.Recommendation is Recommendation.Yes or Recommendation.StrongYes;
            var advanced = await _decisions.WasAdvancedAsync(record.InterviewId, cancellationToken);
            candidates.Add(new ImpactCandidate(record.Sex, record.RaceEthnicity, recommended, advanced));
        }

        return AdverseImpact.Compute(candidates, notYetScored, profileId, from, to, minimumGroupSize);
    }
}
