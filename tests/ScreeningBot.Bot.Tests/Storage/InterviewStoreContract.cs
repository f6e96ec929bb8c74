using ScreeningBot.Dialogs.Storage;
using static ScreeningBot.Bot.Tests.Storage.StorageTestData;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// The <see cref="IInterviewStore"/> contract, run against every backend by the subclasses. Each call of
/// <see cref="CreateStoreAsync"/> within one test returns a store over the same data (for durable backends a fresh
/// client, as a second bot instance would have); each test gets data of its own.
/// </summary>
public abstract class InterviewStoreContract : IAsyncLifetime
{
    protected abstract Task<IInterviewStore> CreateStoreAsync();

    /// <summary>The transcript store over the same data, where the interview store writes a turn's lines.</summary>
    protected abstract Task<ITranscriptStore> CreateTranscriptStoreAsync();

    /// <summary>
    /// True when the backend writes the outbox's lines to the transcript in the interview's own atomic write (one SQLite
    /// transaction, one entity-group transaction); the in-memory store keeps them in the outbox for the caller.
    /// </summary>
    protected virtual bool WritesTranscriptWithInterview => true;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_ThenGet_RoundTripsInterviewAndETag()
    {
        var sut = await CreateStoreAsync();
        var interview = Interview("iv-roundtrip");

        var created = await sut.CreateAsync(interview, CancellationToken.None);
        var stored = await sut.GetAsync("iv-roundtrip", CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.NotNull(stored);
        Assert.Equal(created.ETag, stored.ETag);
        Assert.Equal(Json(interview), Json(stored.Interview));
        Assert.Equal(Json(interview), Json(created.Interview));
    }

    [Fact]
    public async Task Get_MissingId_ReturnsNull()
    {
        var sut = await CreateStoreAsync();

        Assert.Null(await sut.GetAsync("iv-missing", CancellationToken.None));
    }

    [Fact]
    public async Task Create_SameIdTwice_ThrowsConcurrencyConflictAndKeepsFirst()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-twice", candidateId: "U-first"), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.CreateAsync(Interview("iv-twice", candidateId: "U-second"), CancellationToken.None));

        Assert.Equal("U-first", (await sut.GetAsync("iv-twice", CancellationToken.None))!.Interview.Candidate.Id);
    }

    [Fact]
    public async Task Update_CurrentETag_StoresChangeAndReturnsNewETag()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-update"), CancellationToken.None);
        var changed = Interview("iv-update") with { Position = Interview("iv-update").Position with { StepIndex = 5, AttemptCount = 2 } };

        var next = await sut.UpdateAsync(created, changed, CancellationToken.None);
        var stored = await sut.GetAsync("iv-update", CancellationToken.None);

        Assert.NotEqual(created.ETag, next.ETag);
        Assert.Equal(next.ETag, stored!.ETag);
        Assert.Equal(Json(changed), Json(stored.Interview));
    }

    [Fact]
    public async Task Update_TwoWritersWithSameETag_OneWinsOtherGetsConflictAndCanRetry()
    {
        var writerA = await CreateStoreAsync();
        var writerB = await CreateStoreAsync();
        await writerA.CreateAsync(Interview("iv-race"), CancellationToken.None);
        var readByA = (await writerA.GetAsync("iv-race", CancellationToken.None))!;
        var readByB = (await writerB.GetAsync("iv-race", CancellationToken.None))!;

        await writerA.UpdateAsync(readByA, readByA.Interview with { Position = readByA.Interview.Position with { StepIndex = 10 } }, CancellationToken.None);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => writerB.UpdateAsync(readByB, readByB.Interview with { Position = readByB.Interview.Position with { AttemptCount = 3 } }, CancellationToken.None));

        // B reloads and retries its turn on top of A's write.
        var reloaded = (await writerB.GetAsync("iv-race", CancellationToken.None))!;
        await writerB.UpdateAsync(reloaded, reloaded.Interview with { Position = reloaded.Interview.Position with { AttemptCount = 3 } }, CancellationToken.None);
        var final = (await writerA.GetAsync("iv-race", CancellationToken.None))!.Interview.Position;
        Assert.Equal(10, final.StepIndex);
        Assert.Equal(3, final.AttemptCount);
    }

    [Fact]
    public async Task Update_ConcurrentWritersWithSameETag_ExactlyOneSucceeds()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-concurrent"), CancellationToken.None);
        var writers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => CreateStoreAsync()));

        var results = await Task.WhenAll(writers.Select(async (writer, i) =>
        {
            try
            {
                await writer.UpdateAsync(created, Interview("iv-concurrent") with { Position = Interview("iv-concurrent").Position with { StepIndex = 100 + i } }, CancellationToken.None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(100 + Array.IndexOf(results, true), (await sut.GetAsync("iv-concurrent", CancellationToken.None))!.Interview.Position.StepIndex);
    }

    [Fact]
    public async Task Update_StaleETagFromTwoWritesAgo_ThrowsConcurrencyConflict()
    {
        var sut = await CreateStoreAsync();
        var first = await sut.CreateAsync(Interview("iv-stale"), CancellationToken.None);
        var second = await sut.UpdateAsync(first, Interview("iv-stale"), CancellationToken.None);
        await sut.UpdateAsync(second, Interview("iv-stale"), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.UpdateAsync(first, Interview("iv-stale"), CancellationToken.None));
    }

    [Fact]
    public async Task Update_DeletedInterview_ThrowsConcurrencyConflict()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-gone"), CancellationToken.None);
        await sut.DeleteAsync("iv-gone", CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.UpdateAsync(created, Interview("iv-gone"), CancellationToken.None));
    }

    [Fact]
    public async Task Update_ETagOfDeletedAndRecreatedInterview_ThrowsConcurrencyConflict()
    {
        var sut = await CreateStoreAsync();
        var old = await sut.CreateAsync(Interview("iv-reborn"), CancellationToken.None);
        await sut.DeleteAsync("iv-reborn", CancellationToken.None);
        await sut.CreateAsync(Interview("iv-reborn"), CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.UpdateAsync(old, Interview("iv-reborn"), CancellationToken.None));
    }

    [Theory]
    [InlineData(Hostile)]
    [InlineData("iv/with/slashes")]
    [InlineData("iv\\back#hash?query")]
    [InlineData("iv-😀-emoji")]
    [InlineData("iv\u0001\u001f\u007f-control")]
    [InlineData("")]
    public async Task Create_HostileIdAndConversation_RoundTripsAndIsFoundAndDeleted(string id)
    {
        var sut = await CreateStoreAsync();
        var interview = Interview(id, conversationId: "conv:" + id);

        var created = await sut.CreateAsync(interview, CancellationToken.None);
        var byId = await sut.GetAsync(id, CancellationToken.None);
        var byConversation = await sut.FindByConversationAsync(interview.ConversationKey, CancellationToken.None);
        await sut.UpdateAsync(created, interview with { ProfileId = "other" }, CancellationToken.None);
        var deleted = await sut.DeleteAsync(id, CancellationToken.None);

        Assert.Equal(Json(interview), Json(byId!.Interview));
        Assert.Equal(id, byConversation!.Interview.Id);
        Assert.True(deleted);
        Assert.Null(await sut.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Create_IdsDifferingOnlyInCase_AreDistinct()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-Case", candidateId: "U-upper"), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-case", candidateId: "U-lower"), CancellationToken.None);

        Assert.Equal("U-upper", (await sut.GetAsync("iv-Case", CancellationToken.None))!.Interview.Candidate.Id);
        Assert.Equal("U-lower", (await sut.GetAsync("iv-case", CancellationToken.None))!.Interview.Candidate.Id);
    }

    [Fact]
    public async Task Create_VeryLongIdAndConversation_RoundTrip()
    {
        var sut = await CreateStoreAsync();
        var id = "iv-" + new string('x', 1500);
        var interview = Interview(id, conversationId: new string('c', 2000));

        await sut.CreateAsync(interview, CancellationToken.None);

        Assert.Equal(id, (await sut.GetAsync(id, CancellationToken.None))!.Interview.Id);
        Assert.Equal(id, (await sut.FindByConversationAsync(interview.ConversationKey, CancellationToken.None))!.Interview.Id);
        Assert.Null(await sut.GetAsync(id + "y", CancellationToken.None));
    }

    [Fact]
    public async Task FindByConversation_SeveralInterviews_ReturnsNewestOfThatConversation()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-old", conversationId: "conv-a", createdAt: Start), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-new", conversationId: "conv-a", createdAt: Start.AddDays(3)), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-mid", conversationId: "conv-a", createdAt: Start.AddDays(1)), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-other", conversationId: "conv-b", createdAt: Start.AddDays(9)), CancellationToken.None);

        var found = await sut.FindByConversationAsync("msteams:conv-a", CancellationToken.None);
        var missing = await sut.FindByConversationAsync("msteams:conv-zzz", CancellationToken.None);

        Assert.Equal("iv-new", found!.Interview.Id);
        Assert.Equal((await sut.GetAsync("iv-new", CancellationToken.None))!.ETag, found.ETag);
        Assert.Null(missing);
    }

    [Fact]
    public async Task FindByConversation_NewestDeleted_ReturnsPreviousThenNull()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-first", conversationId: "conv-d", createdAt: Start), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-second", conversationId: "conv-d", createdAt: Start.AddHours(1)), CancellationToken.None);

        await sut.DeleteAsync("iv-second", CancellationToken.None);
        var afterFirstDelete = await sut.FindByConversationAsync("msteams:conv-d", CancellationToken.None);
        await sut.DeleteAsync("iv-first", CancellationToken.None);
        var afterSecondDelete = await sut.FindByConversationAsync("msteams:conv-d", CancellationToken.None);

        Assert.Equal("iv-first", afterFirstDelete!.Interview.Id);
        Assert.Null(afterSecondDelete);
    }

    [Fact]
    public async Task FindByConversation_FailedDuplicateCreate_DoesNotShadowTheRealNewest()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-a", conversationId: "conv-e", createdAt: Start), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-b", conversationId: "conv-e", createdAt: Start.AddDays(1)), CancellationToken.None);

        // A create that loses (the id exists) claims a newer time on the same conversation; it must not win lookups.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.CreateAsync(Interview("iv-a", conversationId: "conv-e", createdAt: Start.AddDays(5)), CancellationToken.None));

        Assert.Equal("iv-b", (await sut.FindByConversationAsync("msteams:conv-e", CancellationToken.None))!.Interview.Id);
    }

    [Fact]
    public async Task FindByConversation_ConversationChangedByUpdate_FoundUnderNewKeyOnly()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-moved", conversationId: "conv-before"), CancellationToken.None);

        await sut.UpdateAsync(created, Interview("iv-moved", conversationId: "conv-after"), CancellationToken.None);

        Assert.Null(await sut.FindByConversationAsync("msteams:conv-before", CancellationToken.None));
        Assert.Equal("iv-moved", (await sut.FindByConversationAsync("msteams:conv-after", CancellationToken.None))!.Interview.Id);
    }

    [Fact]
    public async Task List_Filters_ReturnNewestFirstWithinLimit()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-1", profileId: "backend", candidateId: "U-a", createdAt: Start.AddDays(1)), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-2", profileId: "backend", candidateId: "U-b", createdAt: Start.AddDays(2)), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-3", profileId: "frontend", candidateId: "U-a", createdAt: Start.AddDays(3)), CancellationToken.None);
        await sut.CreateAsync(Interview("iv-4", profileId: "backend", candidateId: "U-a", createdAt: Start.AddDays(4)), CancellationToken.None);

        var all = await sut.ListAsync(InterviewQuery.All, 10, CancellationToken.None);
        var limited = await sut.ListAsync(InterviewQuery.All, 2, CancellationToken.None);
        var backend = await sut.ListAsync(new InterviewQuery(ProfileId: "backend"), 10, CancellationToken.None);
        var candidateA = await sut.ListAsync(new InterviewQuery(CandidateId: "U-a"), 10, CancellationToken.None);
        var before = await sut.ListAsync(new InterviewQuery(CreatedBefore: Start.AddDays(3)), 10, CancellationToken.None);
        var combined = await sut.ListAsync(new InterviewQuery("backend", "U-a", Start.AddDays(4)), 10, CancellationToken.None);

        Assert.Equal(["iv-4", "iv-3", "iv-2", "iv-1"], all.Select(i => i.Id));
        Assert.Equal(["iv-4", "iv-3"], limited.Select(i => i.Id));
        Assert.Equal(["iv-4", "iv-2", "iv-1"], backend.Select(i => i.Id));
        Assert.Equal(["iv-4", "iv-3", "iv-1"], candidateA.Select(i => i.Id));
        Assert.Equal(["iv-2", "iv-1"], before.Select(i => i.Id));
        Assert.Equal(["iv-1"], combined.Select(i => i.Id));
        Assert.Equal(Json(Interview("iv-4", profileId: "backend", candidateId: "U-a", createdAt: Start.AddDays(4))), Json(all[0]));
    }

    [Fact]
    public async Task Delete_ExistingThenAgain_ReturnsTrueThenFalse()
    {
        var sut = await CreateStoreAsync();
        await sut.CreateAsync(Interview("iv-delete"), CancellationToken.None);

        Assert.True(await sut.DeleteAsync("iv-delete", CancellationToken.None));
        Assert.False(await sut.DeleteAsync("iv-delete", CancellationToken.None));
        Assert.Null(await sut.GetAsync("iv-delete", CancellationToken.None));
        Assert.Empty(await sut.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Update_StateLargerThanOneEntity_RoundTripsAndShrinksAgain()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-large", workingAnswer: LongText(200_000)), CancellationToken.None);
        var huge = Interview("iv-large", workingAnswer: LongText(900_000, seed: 7));

        var afterHuge = await sut.UpdateAsync(created, huge, CancellationToken.None);
        var readHuge = await sut.GetAsync("iv-large", CancellationToken.None);
        var small = Interview("iv-large", workingAnswer: "short now");
        await sut.UpdateAsync(afterHuge, small, CancellationToken.None);
        var readSmall = await sut.GetAsync("iv-large", CancellationToken.None);

        Assert.Equal(Json(huge), Json(readHuge!.Interview));
        Assert.Equal(Json(small), Json(readSmall!.Interview));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.UpdateAsync(afterHuge, huge, CancellationToken.None));
    }

    [Fact]
    public async Task Update_TurnsThatAddAnswers_StoreEachInOrderAndReadThemBack()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-answers", answers: 2), CancellationToken.None);
        var current = created;

        // Each turn keeps the answers it read and adds one, as the dialog does.
        for (var turn = 0; turn < 3; turn++)
        {
            var record = current.Interview.Record;
            current = await sut.UpdateAsync(current, current.Interview with { Record = record with { Answers = [.. record.Answers, Answer($"q-{turn + 2}", depth: turn)] } }, CancellationToken.None);
        }

        var read = (await (await CreateStoreAsync()).GetAsync("iv-answers", CancellationToken.None))!;
        Assert.Equal(["q-0", "q-1", "q-2", "q-3", "q-4"], read.Interview.Record.Answers.Select(a => a.QuestionId));
        Assert.Equal(Json(current.Interview), Json(read.Interview));
        Assert.Equal(current.ETag, read.ETag);
    }

    [Fact]
    public async Task Update_AnswersReplacedRatherThanAdded_StoresExactlyTheNewList()
    {
        var sut = await CreateStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-rewrite", answers: 4), CancellationToken.None);

        // Not what a turn does (answers only grow), but the store must still keep exactly what it is given.
        var fewer = created.Interview with { Record = created.Interview.Record with { Answers = [Answer("q-9", depth: 5), created.Interview.Record.Answers[1]] } };
        var afterFewer = await sut.UpdateAsync(created, fewer, CancellationToken.None);
        var readFewer = (await sut.GetAsync("iv-rewrite", CancellationToken.None))!;
        var more = fewer with { Record = fewer.Record with { Answers = [.. fewer.Record.Answers, Answer("q-10", depth: 1)] } };
        await sut.UpdateAsync(afterFewer, more, CancellationToken.None);
        var readMore = (await sut.GetAsync("iv-rewrite", CancellationToken.None))!;

        Assert.Equal(Json(fewer), Json(readFewer.Interview));
        Assert.Equal(Json(more), Json(readMore.Interview));
    }

    [Fact]
    public async Task Update_WithOutbox_EveryLineReachesTheTranscriptOnceAndWhatIsStoredIsWhatWasReturned()
    {
        var sut = await CreateStoreAsync();
        var transcripts = await CreateTranscriptStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-outbox") with { Record = Interview("iv-outbox").Record with { TranscriptOutbox = [Turn("iv-outbox", 5), Turn("iv-outbox", 6)] } }, CancellationToken.None);
        var next = created.Interview with { Record = created.Interview.Record with { TranscriptOutbox = [Turn("iv-outbox", 7), Turn("iv-outbox", 8, LongText(100_000))], NextTranscriptSequence = 9 } };

        var saved = await sut.UpdateAsync(created, next, CancellationToken.None);
        var read = (await sut.GetAsync("iv-outbox", CancellationToken.None))!;
        var lines = await transcripts.ReadAsync("iv-outbox", CancellationToken.None);

        Assert.Equal(Json(saved.Interview), Json(read.Interview));
        if (WritesTranscriptWithInterview)
        {
            Assert.Empty(created.Interview.Record.TranscriptOutbox);
            Assert.Empty(saved.Interview.Record.TranscriptOutbox);
            Assert.Equal([5L, 6L, 7L, 8L], lines.Select(t => t.Sequence));
            Assert.Equal(Json(next.Record.TranscriptOutbox[1]), Json(lines[3]));
        }
        else
        {
            Assert.Equal([7L, 8L], saved.Interview.Record.TranscriptOutbox.Select(t => t.Sequence));
        }
    }

    [Fact]
    public async Task Update_StaleWriterWithAnswersAndLines_WritesNothingOfThem()
    {
        var sut = await CreateStoreAsync();
        var transcripts = await CreateTranscriptStoreAsync();
        var created = await sut.CreateAsync(Interview("iv-stale-turn", answers: 1), CancellationToken.None);
        var winner = await sut.UpdateAsync(created, created.Interview with { Position = created.Interview.Position with { StepIndex = 3 } }, CancellationToken.None);
        var loser = created.Interview with
        {
            Record = created.Interview.Record with { Answers = [.. created.Interview.Record.Answers, Answer("q-lost", depth: 2)], TranscriptOutbox = [Turn("iv-stale-turn", 7)] },
        };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sut.UpdateAsync(created, loser, CancellationToken.None));

        var read = (await sut.GetAsync("iv-stale-turn", CancellationToken.None))!;
        Assert.Equal(Json(winner.Interview), Json(read.Interview));
        Assert.Empty(await transcripts.ReadAsync("iv-stale-turn", CancellationToken.None));
    }
}
