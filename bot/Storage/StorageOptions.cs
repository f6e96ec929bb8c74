using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// The <c>Storage</c> section: which backend to use and how to reach it. Secrets (a connection string with an
/// account key) come from the environment (<c>Storage__ConnectionString</c>) or user-secrets, never from the
/// committed appsettings.json.
/// </summary>
internal sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>SQLite by default so a laptop needs no server; Tables for a scaled-out deployment.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are resolved against the content root. Its folder is created.</summary>
    [Required]
    [MaxLength(1024)]
    public string SqlitePath { get; set; } = "data/screeningbot.db";

    /// <summary>
    /// An Azure Storage connection string (account key or SAS), e.g. <c>UseDevelopmentStorage=true</c> for Azurite
    /// on its default ports. Either this or <see cref="AccountUri"/> when <see cref="Provider"/> is Tables.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The account's table endpoint (<c>https://myaccount.table.core.windows.net/</c>), used with
    /// DefaultAzureCredential (managed identity in Azure, your az/VS login locally). The queue endpoint is
    /// derived by replacing <c>.table.</c> with <c>.queue.</c>.
    /// </summary>
    public string? AccountUri { get; set; }

    /// <summary>
    /// Prefix of every table name (names are letters and digits only), so several bots or test runs can share
    /// one account without seeing each other's data.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$", ErrorMessage = "Storage:TablePrefix must start with a letter and hold only letters and digits (at most 40), because Azure table names allow nothing else.")]
    public string TablePrefix { get; set; } = "screeningbot";

    /// <summary>The scoring-job queue; the poison queue is this name plus <c>-poison</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,54}[a-z0-9]$", ErrorMessage = "Storage:QueueName must be 3 to 56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit (Azure queue naming rules; '-poison' is appended for the poison queue).")]
    public string QueueName { get; set; } = "screeningbot-scoring";

    /// <summary>Days after which interviews, transcripts and reports are deleted. 180 days covers a hiring cycle.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>Deliveries of one scoring job before it goes to the poison store. Five rides out a short outage.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// How long a received job stays hidden from other workers. Five minutes covers an LLM-judged scorecard; a
    /// job not completed by then is delivered again (the handler is idempotent).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "02:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest pause between polls of an empty queue. Two seconds keeps the scorecard within its 5-second
    /// budget after the last answer while an idle bot polls at most once every two seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != StorageProvider.Tables)
        {
            yield break;
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasAccountUri = !string.IsNullOrWhiteSpace(AccountUri);
        if (!hasConnectionString && !hasAccountUri)
        {
            yield return new ValidationResult(
                "Storage:Provider is Tables but neither Storage:ConnectionString nor Storage:AccountUri is set. Set one of them " +
                "(for Azurite: Storage__ConnectionString=UseDevelopmentStorage=true), or use Storage:Provider=Sqlite.",
                [nameof(ConnectionString), nameof(AccountUri)]);
        }
        else if (hasConnectionString && hasAccountUri)
        {
            yield return new ValidationResult(
                "Storage:ConnectionString and Storage:AccountUri are both set; set only one (AccountUri signs in with DefaultAzureCredential).",
                [nameof(ConnectionString), nameof(AccountUri)]);
        }
        else if (hasAccountUri && !TableEndpoints.TryParse(AccountUri!, out _, out _, out var error))
        {
            yield return new ValidationResult($"Storage:AccountUri '{AccountUri}' is not usable: {error}", [nameof(AccountUri)]);
        }
    }
}
