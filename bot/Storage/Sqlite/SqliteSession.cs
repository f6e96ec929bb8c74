using Microsoft.Data.Sqlite;

namespace ScreeningBot.Bot.Storage.Sqlite;

/// <summary>
/// An open connection kept between turns with the commands it has run. Microsoft.Data.Sqlite compiles a command's SQL on
/// its first execution and keeps the compiled statement with the command, so a turn's statements, run on a kept command,
/// are compiled once per connection instead of once per call. Used by one caller at a time (<see cref="SqliteDatabase.RunSessionAsync"/>).
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>
    /// The command for <paramref name="sql"/> inside <paramref name="transaction"/>, made on first use with one parameter per
    /// name in <paramref name="parameters"/>; the caller sets every parameter's value before running it.
    /// </summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction, params ReadOnlySpan<string> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>Closes the connection (back to the pool) with its commands; SQLite's own calls are synchronous anyway.</summary>
    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        connection.Dispose();
    }
}
