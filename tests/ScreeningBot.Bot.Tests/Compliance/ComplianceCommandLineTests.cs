using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Tests.Cli;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Compliance;

/// <summary>
/// The operator's verbs for candidate rights, on a real SQLite file: <c>export-candidate</c> (an access request),
/// <c>verify-audit</c> (the hash chain, intact and tampered) and <c>adverse-impact</c> (figures worked out by hand below).
/// </summary>
public sealed class ComplianceCommandLineTests : IDisposable
{
    private readonly SqliteCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ExportCandidate_StoredCandidate_PrintsEverythingAsJsonWithSelfIdentificationAndAuditsTheExport()
    {
        await new SqliteInterviewStore(_cli.Sqlite.Database).CreateAsync(Interview("iv-ada-1", candidateId: "U-ada"), CancellationToken.None);
        await new SqliteTranscriptStore(_cli.Sqlite.Database).AppendAsync("iv-ada-1", [Turn("iv-ada-1", 0, "My answer about idempotency keys.")], CancellationToken.None);
        await new SqliteInterviewStore(_cli.Sqlite.Database).CreateAsync(Interview("iv-bob-1", conversationId: "conv-2", candidateId: "U-bob"), CancellationToken.None);
        await new SqliteSelfIdentificationStore(_cli.Sqlite.Database).SaveAsync(
            new SelfIdentification { InterviewId = "iv-ada-1", ProfileId = "backend-senior", InterviewCreatedAt = Start, Sex = SexCategory.Female, RecordedAt = Start }, CancellationToken.None);

        var exitCode = await CommandLine.RunAsync(["export-candidate", "--candidate", "U-ada"], _cli.Context(), CancellationToken.None);

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(_cli.Output.ToString())!;
        var text = json.ToJsonString();
        Assert.Contains("iv-ada-1", text, StringComparison.Ordinal);
        Assert.Contains("My answer about idempotency keys.", text, StringComparison.Ordinal);
        Assert.Contains("Female", text, StringComparison.Ordinal);
        Assert.DoesNotContain("iv-bob-1", text, StringComparison.Ordinal);
        var audit = new SqliteAuditLog(_cli.Sqlite.Database);
        var exported = Assert.Single(await audit.ReadAsync(0, 10, CancellationToken.None));
        var entry = AuditChain.Parse(exported)!.Event;
        Assert.Equal((AuditAction.Exported, AuditActors.Operator, AuditActors.CandidateRef("U-ada")), (entry.Action, entry.Actor, entry.Candidate));
    }

    [Fact]
    public async Task ExportCandidate_Unknown_SaysSoAndExitsOne()
    {
        var exitCode = await CommandLine.RunAsync(["export-candidate", "--candidate", "U-nobody"], _cli.Context(), CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Empty(_cli.Output.ToString());
        Assert.StartsWith("error: no such candidate 'U-nobody'", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAudit_IntactChain_PrintsTheCountAndHeadAndExitsZero()
    {
        var audit = new SqliteAuditLog(_cli.Sqlite.Database);
        AuditEntry head = null!;
        foreach (var action in (AuditAction[])[AuditAction.Invited, AuditAction.ConsentGiven, AuditAction.Erased])
        {
            head = await audit.AppendAsync(new AuditEvent { Timestamp = Start, Action = action, Actor = AuditActors.Candidate }, CancellationToken.None);
        }

        var exitCode = await CommandLine.RunAsync(["verify-audit"], _cli.Context(), CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal($"audit log intact: 3 entries, head {head.Hash}\n", _cli.Output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task VerifyAudit_EntryEditedInTheFile_NamesTheBrokenEntryAndExitsOne()
    {
        var audit = new SqliteAuditLog(_cli.Sqlite.Database);
        await audit.AppendAsync(new AuditEvent { Timestamp = Start, Action = AuditAction.Invited, Actor = AuditActors.Recruiter("U-rita") }, CancellationToken.None);
        await audit.AppendAsync(new AuditEvent { Timestamp = Start, Action = AuditAction.Erased, Actor = AuditActors.Recruiter("U-rita") }, CancellationToken.None);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.Sqlite.Path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "UPDATE audit_log SET json = replace(json, 'recruiter:U-rita', 'recruiter:U-mallory') WHERE sequence = 2;";
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var exitCode = await CommandLine.RunAsync(["verify-audit"], _cli.Context(), CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: audit log broken at entry 2: ", _cli.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("The 1 entries before it are intact", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// 5 women, 2 recommended Yes: rate 2/5 = 0.40. 5 men, all 5 recommended: rate 1.00, the highest. Women's impact ratio
    /// 0.40 / 1.00 = 0.40, below four fifths. 2 who preferred not to say; 1 not scored yet (left out).
    /// </summary>
    [Fact]
    public async Task AdverseImpact_SeededPeriod_PrintsRatesRatiosAndTheFourFifthsFlag()
    {
        var selfIds = new SqliteSelfIdentificationStore(_cli.Sqlite.Database);
        var reports = new SqliteReportStore(_cli.Sqlite.Database);
        async Task SeedAsync(string id, SexCategory? sex, Recommendation? recommendation)
        {
            await selfIds.SaveAsync(new SelfIdentification { InterviewId = id, ProfileId = "backend-senior", InterviewCreatedAt = Start, Sex = sex, RaceEthnicity = RaceEthnicityCategory.White, RecordedAt = Start }, CancellationToken.None);
            if (recommendation is { } r)
            {
                var report = Report(id);
                await reports.SaveAsync(report with { Scorecard = report.Scorecard with { Recommendation = r } }, CancellationToken.None);
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await SeedAsync($"iv-f{i}", SexCategory.Female, i < 2 ? Recommendation.Yes : Recommendation.No);
            await SeedAsync($"iv-m{i}", SexCategory.Male, i < 3 ? Recommendation.StrongYes : Recommendation.Yes);
        }

        await SeedAsync("iv-p0", SexCategory.PreferNotToSay, Recommendation.Maybe);
        await SeedAsync("iv-p1", null, Recommendation.No);
        await SeedAsync("iv-late", SexCategory.Female, null);

        var exitCode = await CommandLine.RunAsync(["adverse-impact", "--profile", "backend-senior", "--from", "2026-01-01", "--to", "2026-12-31"], _cli.Context(), CancellationToken.None);

        Assert.Equal(0, exitCode);
        var output = _cli.Output.ToString().ReplaceLineEndings("\n");
        Assert.Contains("12 screened candidates with a self-identification record and a scorecard; 1 not scored yet (left out).", output, StringComparison.Ordinal);
        Assert.Contains("Sex (2 not reported or preferred not to say)\n", output, StringComparison.Ordinal);
        Assert.Contains("  - Female: 5 candidates, 2 selected, rate 0.40, impact ratio 0.40 ⚠ below four fifths\n", output, StringComparison.Ordinal);
        Assert.Contains("  - Male: 5 candidates, 5 selected, rate 1.00, impact ratio 1.00 (highest)\n", output, StringComparison.Ordinal);
        Assert.Contains("  - White: 12 candidates, 7 selected, rate 0.58, impact ratio 1.00 (highest)\n", output, StringComparison.Ordinal);
        Assert.Contains("Flags: Female (sex, ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdverseImpact_PeriodEndingBeforeItStarts_IsAUsageErrorWithExitCodeTwo()
    {
        var exitCode = await CommandLine.RunAsync(["adverse-impact", "--from", "2026-06-01", "--to", "2026-01-01"], _cli.Context(), CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("the period ends (2026-01-01) before it starts (2026-06-01)", _cli.Error.ToString(), StringComparison.Ordinal);
    }
}
