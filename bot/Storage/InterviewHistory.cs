using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>The result of <see cref="IInterviewHistoryReader.ReadHistoryAsync"/>: the interview as stored and the lines read beside it.</summary>
internal sealed record InterviewHistory(StoredInterview Stored, IReadOnlyList<TranscriptTurn> Lines);
