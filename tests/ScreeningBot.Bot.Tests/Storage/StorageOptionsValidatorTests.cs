using ScreeningBot.Bot.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class StorageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var sut = new StorageOptionsValidator();

        Assert.True(sut.Validate(null, new StorageOptions()).Succeeded);
    }

    [Fact]
    public void Validate_TablesWithoutConnectionStringOrAccountUri_FailsNamingBothAndTheFix()
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions { Provider = StorageProvider.Tables, ConnectionString = "", AccountUri = " " });

        Assert.True(result.Failed);
        Assert.Contains("Storage:Provider is Tables but neither Storage:ConnectionString nor Storage:AccountUri is set", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage__ConnectionString=UseDevelopmentStorage=true", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TablesWithBothConnectionStringAndAccountUri_Fails()
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions
        {
            Provider = StorageProvider.Tables,
            ConnectionString = "UseDevelopmentStorage=true",
            AccountUri = "https://acct.table.core.windows.net/",
        });

        Assert.Contains("set only one", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://acct.table.core.windows.net/", "absolute https URI")]
    [InlineData("not a uri", "absolute https URI")]
    [InlineData("https://storage.contoso.com/", "<account>.table.<suffix>")]
    public void Validate_UnusableAccountUri_FailsSayingWhy(string accountUri, string expected)
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions { Provider = StorageProvider.Tables, AccountUri = accountUri });

        Assert.Contains($"Storage:AccountUri '{accountUri}' is not usable", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TablesWithAccountUri_Succeeds()
    {
        var sut = new StorageOptionsValidator();

        Assert.True(sut.Validate(null, new StorageOptions { Provider = StorageProvider.Tables, AccountUri = "https://acct.table.core.windows.net/" }).Succeeded);
    }

    [Theory]
    [InlineData("1starts-with-digit")]
    [InlineData("has-dash")]
    [InlineData("")]
    public void Validate_BadTablePrefix_FailsWithNamingRule(string prefix)
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions { TablePrefix = prefix });

        Assert.True(result.Failed);
        Assert.Contains("TablePrefix", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("ab")]
    public void Validate_BadQueueName_FailsWithNamingRule(string queueName)
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions { QueueName = queueName });

        Assert.Contains("Storage:QueueName must be 3 to 56 lowercase letters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutOfRangeNumbers_FailEach()
    {
        var sut = new StorageOptionsValidator();

        var result = sut.Validate(null, new StorageOptions { RetentionDays = 0, MaxDequeueCount = 0, VisibilityTimeout = TimeSpan.FromSeconds(1) });

        Assert.Contains("RetentionDays", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxDequeueCount", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("VisibilityTimeout", result.FailureMessage, StringComparison.Ordinal);
    }
}
