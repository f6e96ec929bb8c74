using Microsoft.Data.Sqlite;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The audit log contract on SQLite; a second log is a second handle on the same file, as a second process has.</summary>
public sealed class SqliteAuditLogTests : AuditLogContract
{
    private readonly SqliteTestDatabase _database = new();

    protected override Task<IAuditLog> CreateLogAsync() => Task.FromResult<IAuditLog>(new SqliteAuditLog(_database.Open()));

    protected override async Task TamperAsync(long sequence, Func<string, string> edit)
    {
        await using var connection = await OpenAsync();
        await using var read = SqliteDatabase.Command(connection, "SELECT json FROM audit_log WHERE sequence = $sequence;", null, ("$sequence", sequence));
        var json = (string)(await read.ExecuteScalarAsync())!;
        await using var write = SqliteDatabase.Command(connection, "UPDATE audit_log SET json = $json WHERE sequence = $sequence;", null, ("$json", edit(json)), ("$sequence", sequence));
        await write.ExecuteNonQueryAsync();
    }

    protected override async Task RemoveAsync(long sequence)
    {
        await using var connection = await OpenAsync();
        await using var delete = SqliteDatabase.Command(connection, "DELETE FROM audit_log WHERE sequence = $sequence;", null, ("$sequence", sequence));
        await delete.ExecuteNonQueryAsync();
    }

    public override Task DisposeAsync()
    {
        _database.Delete();
        return Task.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.Path, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
