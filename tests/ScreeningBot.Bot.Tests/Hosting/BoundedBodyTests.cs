using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Tests.Hosting;

public sealed class BoundedBodyTests
{
    [Fact]
    public async Task ReadAsync_ExactlyTheLimit_ReturnsEveryByte()
    {
        var bytes = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();

        var body = await BoundedBody.ReadAsync(new MemoryStream(bytes), null, bytes.Length, CancellationToken.None);

        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_ReturnsNullWithoutReading()
    {
        var stream = new MemoryStream(new byte[10]);

        var body = await BoundedBody.ReadAsync(stream, 1_000_000, 100, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task ReadAsync_MoreArrivesThanDeclaredOrAllowed_ReturnsNullAndStopsReading()
    {
        var stream = new MemoryStream(new byte[200_000]);

        var body = await BoundedBody.ReadAsync(stream, 10, 50_000, CancellationToken.None);

        Assert.Null(body);
        Assert.InRange(stream.Position, 50_001, 50_000 + (16 * 1024));
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_ReturnsNoBytes()
    {
        Assert.Empty((await BoundedBody.ReadAsync(new MemoryStream(), 0, 100, CancellationToken.None))!);
    }
}
