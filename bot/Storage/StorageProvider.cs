namespace ScreeningBot.Bot.Storage;

/// <summary>Which backend holds interviews, transcripts, reports, the job queue and the ledger.</summary>
internal enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, so <c>dotnet run</c> needs no server.</summary>
    Sqlite,

    /// <summary>Azure Table Storage plus Azure Queue Storage (a real account, or Azurite locally).</summary>
    Tables,
}
