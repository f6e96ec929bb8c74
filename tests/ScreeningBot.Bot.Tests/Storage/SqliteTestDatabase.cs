using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Storage.Sqlite;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// A SQLite file of its own for one test; <see cref="Delete"/> removes it with its WAL files. Not IDisposable on
/// purpose: the test classes delete it from IAsyncLifetime.DisposeAsync, which CA1001 does not recognise.
/// </summary>
internal sealed class SqliteTestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("screeningbot-sqlite-").FullName;
    private readonly List<SqliteDatabase> _opened = [];

    public SqliteTestDatabase()
    {
        Path = System.IO.Path.Combine(_folder, "nested", "screeningbot.db");
        Database = Open();
    }

    public string Path { get; }

    public SqliteDatabase Database { get; }

    /// <summary>Another handle on the same file, as a second process or a restarted bot would have.</summary>
    public SqliteDatabase Open()
    {
        var database = new SqliteDatabase(Path, NullLogger<SqliteDatabase>.Instance);
        _opened.Add(database);
        return database;
    }

    public void Delete()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
