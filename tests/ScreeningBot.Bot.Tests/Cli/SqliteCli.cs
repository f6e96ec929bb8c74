using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Tests.Storage;

namespace ScreeningBot.Bot.Tests.Cli;

/// <summary>
/// The command line (<see cref="CommandLine"/>) on a SQLite file of its own, for the operator-verb tests: what it printed
/// to standard output and standard error, at <see cref="StorageTestData.Start"/>. Disposing deletes the file.
/// </summary>
internal sealed class SqliteCli : IDisposable
{
    public SqliteTestDatabase Sqlite { get; } = new();

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    /// <summary>What a verb runs with: this file as <c>Storage:SqlitePath</c>, and <paramref name="settings"/> on top.</summary>
    public CliContext Context(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Sqlite.Path })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        return new CliContext(TextReader.Null, Output, Error, configuration, new FakeTimeProvider(StorageTestData.Start));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Sqlite.Delete();
        Output.Dispose();
        Error.Dispose();
    }
}
