using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The <see cref="IAuditLog"/> contract, run against every backend by the subclasses: the chain, tamper detection, concurrent appends.</summary>
public abstract class AuditLogContract : IAsyncLifetime
{
    /// <summary>A log on the test's store; called again, another handle on the same store (a second bot instance).</summary>
    protected abstract Task<IAuditLog> CreateLogAsync();

    /// <summary>Rewrites the stored JSON of entry <paramref name="sequence"/> behind the log's back.</summary>
    protected abstract Task TamperAsync(long sequence, Func<string, string> edit);

    /// <summary>Deletes entry <paramref name="sequence"/> behind the log's back.</summary>
    protected abstract Task RemoveAsync(long sequence);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Append_ChainsEachEntryOntoThePrevious()
    {
        var sut = await CreateLogAsync();

        var first = await sut.AppendAsync(Event(AuditAction.Invited, "iv-1"), CancellationToken.None);
        var second = await sut.AppendAsync(Event(AuditAction.ConsentGiven, "iv-1"), CancellationToken.None);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditChain.Genesis, first.PreviousHash);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditChain.ComputeHash(second), second.Hash);
        Assert.Matches("^[0-9a-f]{64}$", second.Hash);
    }

    [Fact]
    public async Task Read_ReturnsTheStoredEntriesInOrderFromAnyPoint()
    {
        var sut = await CreateLogAsync();
        var appended = new List<AuditEntry>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await sut.AppendAsync(Event(AuditAction.Ended, "iv-" + i, detail: "completed"), CancellationToken.None));
        }

        var rows = await sut.ReadAsync(2, 2, CancellationToken.None);

        Assert.Equal([3L, 4L], rows.Select(r => r.Sequence));
        Assert.Equal(Json(appended[2]), Json(AuditChain.Parse(rows[0])));
        Assert.Equal(5, (await sut.ReadAsync(0, 100, CancellationToken.None)).Count);
        Assert.Empty(await sut.ReadAsync(5, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Verify_UntouchedLog_IsIntactAndNamesTheHead()
    {
        var sut = await CreateLogAsync();
        AuditEntry? last = null;
        for (var i = 0; i < 7; i++)
        {
            last = await sut.AppendAsync(Event(AuditAction.Recommended, "iv-" + i, detail: "recommendation Yes"), CancellationToken.None);
        }

        var result = await AuditChain.VerifyAsync(sut, CancellationToken.None);

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(7, result.Entries);
        Assert.Equal(last!.Hash, result.HeadHash);
    }

    [Fact]
    public async Task Verify_EmptyLog_IsIntact()
    {
        var result = await AuditChain.VerifyAsync(await CreateLogAsync(), CancellationToken.None);

        Assert.True(result.IsIntact);
        Assert.Equal(0, result.Entries);
        Assert.Equal(AuditChain.Genesis, result.HeadHash);
    }

    [Fact]
    public async Task Verify_AnEntryEditedInTheStore_IsNamedAsTheFirstBrokenEntry()
    {
        var sut = await CreateLogAsync();
        for (var i = 0; i < 5; i++)
        {
            await sut.AppendAsync(Event(AuditAction.Ended, "iv-" + i, detail: "knocked out"), CancellationToken.None);
        }

        // Someone with write access to the store rewrites history: entry 3 now says the screen was completed.
        await TamperAsync(3, json => json.Replace("knocked out", "completed", StringComparison.Ordinal));
        var result = await AuditChain.VerifyAsync(sut, CancellationToken.None);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(2, result.Entries);
        Assert.Contains("entry 3 was altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEntryRehashedToHideTheEdit_BreaksTheLinkOfTheNext()
    {
        var sut = await CreateLogAsync();
        var entries = new List<AuditEntry>();
        for (var i = 0; i < 4; i++)
        {
            entries.Add(await sut.AppendAsync(Event(AuditAction.Invited, "iv-" + i), CancellationToken.None));
        }

        // A careful forger also recomputes entry 2's own hash; entry 3 still names the old one.
        var forged = entries[1] with { Event = entries[1].Event with { Actor = AuditActors.Recruiter("U-someone-else") } };
        forged = forged with { Hash = AuditChain.ComputeHash(forged) };
        await TamperAsync(2, _ => Json(forged));
        var result = await AuditChain.VerifyAsync(sut, CancellationToken.None);

        Assert.Equal(3, result.BrokenAt);
        Assert.Contains("entry 3 does not follow entry 2", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEntryRemoved_IsNamedAsMissing()
    {
        var sut = await CreateLogAsync();
        for (var i = 0; i < 4; i++)
        {
            await sut.AppendAsync(Event(AuditAction.Exported, "iv-" + i), CancellationToken.None);
        }

        await RemoveAsync(2);
        var result = await AuditChain.VerifyAsync(sut, CancellationToken.None);

        Assert.Equal(2, result.BrokenAt);
        Assert.Contains("entry 2 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEntryThatIsNotJson_IsNamed()
    {
        var sut = await CreateLogAsync();
        await sut.AppendAsync(Event(AuditAction.Invited, "iv-1"), CancellationToken.None);
        await sut.AppendAsync(Event(AuditAction.Invited, "iv-2"), CancellationToken.None);

        await TamperAsync(1, _ => "{ not json");
        var result = await AuditChain.VerifyAsync(sut, CancellationToken.None);

        Assert.Equal(1, result.BrokenAt);
        Assert.Contains("entry 1 is not a readable audit entry", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_TwoInstancesAtOnce_NeverForkTheChain()
    {
        var first = await CreateLogAsync();
        var second = await CreateLogAsync();
        const int PerInstance = 12;

        await Task.WhenAll(
            Enumerable.Range(0, PerInstance).Select(i => first.AppendAsync(Event(AuditAction.Invited, $"iv-a{i:D2}"), CancellationToken.None))
                .Concat(Enumerable.Range(0, PerInstance).Select(i => second.AppendAsync(Event(AuditAction.Invited, $"iv-b{i:D2}"), CancellationToken.None))));

        var result = await AuditChain.VerifyAsync(first, CancellationToken.None);
        var rows = await first.ReadAsync(0, 1000, CancellationToken.None);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(2 * PerInstance, result.Entries);
        Assert.Equal(Enumerable.Range(1, 2 * PerInstance).Select(i => (long)i), rows.Select(r => r.Sequence));
        Assert.Equal(2 * PerInstance, rows.Select(r => AuditChain.Parse(r)!.Event.InterviewId).Distinct().Count());
    }

    [Fact]
    public async Task Append_EventWithAnOverlongDetail_IsRefusedBeforeWriting()
    {
        var sut = await CreateLogAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => sut.AppendAsync(Event(AuditAction.Erased, null, detail: new string('x', AuditEvent.MaxDetailLength + 1)), CancellationToken.None));

        Assert.Empty(await sut.ReadAsync(0, 10, CancellationToken.None));
    }

    internal static AuditEvent Event(AuditAction action, string? interviewId, string actor = "recruiter:U-rita", string? detail = null) => new()
    {
        Timestamp = Start,
        Action = action,
        Actor = actor,
        InterviewId = interviewId,
        ProfileId = "backend-senior",
        Candidate = AuditActors.CandidateRef("U-ada"),
        Detail = detail,
    };
}
