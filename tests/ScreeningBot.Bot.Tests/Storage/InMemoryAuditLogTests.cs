using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The audit log contract on the in-memory log.</summary>
public sealed class InMemoryAuditLogTests : AuditLogContract
{
    private readonly InMemoryAuditLog _log = new();

    protected override Task<IAuditLog> CreateLogAsync() => Task.FromResult<IAuditLog>(_log);

    protected override Task TamperAsync(long sequence, Func<string, string> edit)
    {
        _log.Tamper(sequence, edit);
        return Task.CompletedTask;
    }

    protected override Task RemoveAsync(long sequence)
    {
        _log.Remove(sequence);
        return Task.CompletedTask;
    }
}
