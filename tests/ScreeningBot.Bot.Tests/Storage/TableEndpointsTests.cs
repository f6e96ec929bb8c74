using ScreeningBot.Bot.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class TableEndpointsTests
{
    [Theory]
    [InlineData("https://acct.table.core.windows.net/")]
    [InlineData("https://acct.queue.core.windows.net")]
    [InlineData("https://acct.blob.core.windows.net/")]
    public void TryParse_AnyServiceEndpointOfTheAccount_DerivesTableAndQueue(string accountUri)
    {
        Assert.True(TableEndpoints.TryParse(accountUri, out var table, out var queue, out _));
        Assert.Equal(new Uri("https://acct.table.core.windows.net/"), table);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/"), queue);
    }

    [Fact]
    public void TryParse_SovereignCloudSuffix_IsKept()
    {
        Assert.True(TableEndpoints.TryParse("https://acct.table.core.chinacloudapi.cn/", out _, out var queue, out _));
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn/"), queue);
    }
}
