using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Benchmarks;

/// <summary>Where a turn's time goes: the interview record's JSON round trip, a turn with no judging, a judged turn, and the SQLite work.</summary>
internal static class PiecesBenchmark
{
    public static async Task<int> RunAsync(string root, int rounds, TextWriter output)
    {
        var catalog = ProfileCatalog.Load(Path.Combine(root, "profiles"));
        var profile = catalog.Get("backend-senior");
        var scriptPath = Path.Combine(root, "profiles", "rehearsals", "backend-senior-strong.yaml");
        var answers = RehearsalAnswers.Parse(scriptPath, await File.ReadAllTextAsync(scriptPath), out _)!;
        var dialog = new ScreeningDialog(new RubricJudge(), TimeProvider.System, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var transcripts = new InMemoryTranscriptStore();
        var service = new InterviewService(catalog, new InMemoryInterviewStore(), transcripts, new InMemoryJobQueue(TimeProvider.System), dialog, TimeProvider.System, NullLogger<InterviewService>.Instance);
        var address = new ConversationAddress { ChannelId = "bench", ConversationId = "pieces" };
        var interview = (await service.StartAsync(new StartInterviewRequest(profile.Id, new Participant("u", "Pieces"), address, null, null), CancellationToken.None)).Interview!;
        for (var i = 0; i < 12; i++)
        {
            interview = (await service.HandleMessageAsync(address.Key, new IncomingMessage(answers.Next(interview.Position.Pending?.Prompt.QuestionId) ?? "skip", $"m{i}"), CancellationToken.None)).Interview!;
        }

        var json = DialogsJson.Serialize(interview);
        var judgedQuestion = interview.Position.Pending!.Prompt.QuestionId;
        var answer = answers.Next(judgedQuestion)!;
        await output.WriteLineAsync($"pieces: backend-senior after 12 turns (pending {judgedQuestion}); interview record {json.Length:N0} characters of JSON");

        await TimeAsync(output, "serialize the record", rounds, () => { _ = DialogsJson.Serialize(interview); return ValueTask.CompletedTask; });
        await TimeAsync(output, "deserialize the record", rounds, () => { _ = InterviewSchema.Read(json); return ValueTask.CompletedTask; });
        await TimeAsync(output, "turn without judging (repeat)", rounds, async () => await dialog.ContinueAsync(profile, interview, new IncomingMessage("repeat"), CancellationToken.None));
        await TimeAsync(output, "turn with judging (an answer)", rounds, async () => await dialog.ContinueAsync(profile, interview, new IncomingMessage(answer), CancellationToken.None));
        var judge = new RubricJudge();
        var question = (IJudgedQuestion?)profile.Blueprints.SelectMany(b => new IJudgedQuestion[] { b }.Concat(b.FollowUps)).FirstOrDefault(q => q.Id == judgedQuestion)
            ?? profile.CustomQuestions.First(q => q.Id == judgedQuestion);
        var request = new JudgeRequest("pieces", QuestionContext.From(question), answer, QuestionKind.Blueprint, profile.EvaluationNotes, profile.BannedTopics);
        await TimeAsync(output, "the judge alone on that answer", rounds, () => { judge.Judge(request); return ValueTask.CompletedTask; });

        // The storage a turn does on SQLite: one transaction writing the state row under its ETag and the turn's transcript line
        // (the record is cached between turns, so finding it by conversation happens only after a restart or a conflict).
        var folder = Directory.CreateTempSubdirectory("screeningbot-pieces-").FullName;
        try
        {
            using var database = new SqliteDatabase(Path.Combine(folder, "pieces.db"), NullLogger<SqliteDatabase>.Instance);
            var interviews = new SqliteInterviewStore(database);
            var lines = new SqliteTranscriptStore(database);
            var current = await interviews.CreateAsync(interview with { Record = interview.Record with { TranscriptOutbox = [] } }, CancellationToken.None);
            var stored = await transcripts.ReadAsync(interview.Id, CancellationToken.None);
            var line = stored[^1];
            var sequence = line.Sequence;
            await TimeAsync(output, "SQLite: find the record", rounds, async () => await interviews.FindByConversationAsync(interview.ConversationKey, CancellationToken.None));
            await TimeAsync(output, "SQLite: commit a turn (state + a line)", rounds, async () =>
            {
                var record = current.Interview.Record with { TranscriptOutbox = [line with { Sequence = ++sequence }], NextTranscriptSequence = sequence + 1 };
                current = await interviews.UpdateAsync(current, current.Interview with { Record = record }, CancellationToken.None);
            });
            await TimeAsync(output, "SQLite: append a transcript line", rounds, async () => await lines.AppendAsync(interview.Id, [line with { Sequence = ++sequence }], CancellationToken.None));
            await TimeAsync(output, "SQLite: WAL checkpoint (background)", Math.Max(1, rounds / 100), async () => await database.CheckpointAsync(CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task TimeAsync(TextWriter output, string what, int rounds, Func<ValueTask> action)
    {
        for (var i = 0; i < Math.Min(rounds, 500); i++)
        {
            await action();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < rounds; i++)
        {
            await action();
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {what,-34} {elapsed.TotalMicroseconds / rounds,8:0.0} µs   {allocated / 1024.0 / rounds,7:0.0} KiB"));
    }
}
