using Azure.Data.Tables;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// <see cref="IUnpostedInterviews"/> in Azure Table Storage: two projected queries whatever the number of interviews, the
/// main entities of the interviews created since the cutoff (<c>Id</c>, <c>Status</c>) and the posted reports created since
/// then (a report is written after its interview ends), and the difference of the two.
/// </summary>
internal sealed class TableUnpostedInterviews(AzureStorageAccount account) : IUnpostedInterviews
{
    private static readonly HashSet<string> Statuses = [.. Enum.GetValues<InterviewStatus>()
        .Where(s => s.IsTerminal() && s is not (InterviewStatus.Cancelled or InterviewStatus.Expired))
        .Select(s => s.ToString())];

    public async Task<IReadOnlyList<string>> ListAsync(DateTimeOffset createdSince, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.InterviewsTable, cancellationToken);
            var ended = new List<(string Id, long Ticks)>();
            await foreach (var row in table.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"RowKey eq {"interview"} and CreatedAtTicks ge {createdSince.UtcTicks}"),
                maxPerPage: 1000,
                select: ["Id", "Status", "CreatedAtTicks"],
                cancellationToken: cancellationToken))
            {
                if (row.GetString("Id") is { } id && row.GetString("Status") is { } status && Statuses.Contains(status))
                {
                    ended.Add((id, row.GetInt64("CreatedAtTicks") ?? 0));
                }
            }

            if (ended.Count == 0)
            {
                return [];
            }

            var reports = await account.GetTableAsync(AzureStorageAccount.ReportsTable, cancellationToken);
            var postedIds = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var row in reports.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"RowKey eq {"report"} and Posted eq {true} and CreatedAt ge {createdSince}"),
                maxPerPage: 1000,
                select: ["InterviewId"],
                cancellationToken: cancellationToken))
            {
                if (row.GetString("InterviewId") is { } id)
                {
                    postedIds.Add(id);
                }
            }

            return [.. ended.Where(e => !postedIds.Contains(e.Id)).OrderBy(e => e.Ticks).ThenBy(e => e.Id, StringComparer.Ordinal).Take(limit).Select(e => e.Id)];
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("list finished interviews without a posted scorecard", e);
        }
    }
}
