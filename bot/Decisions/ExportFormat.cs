namespace ScreeningBot.Bot.Decisions;

/// <summary>How screens are exported.</summary>
internal enum ExportFormat
{
    /// <summary>RFC 4180, header row first; cells that a spreadsheet would run as a formula are escaped.</summary>
    Csv,

    /// <summary>An array of objects with every field.</summary>
    Json,
}
