using Azure.Data.Tables;
using ScreeningBot.Bot.Storage.Tables;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class ChunkedTextTests
{
    [Fact]
    public void Split_SurrogatePairOnTheBoundary_StaysWhole()
    {
        var text = new string('x', ChunkedText.MaxChunkChars - 1) + "😀" + "tail";

        var chunks = ChunkedText.Split(text);

        Assert.Equal(ChunkedText.MaxChunkChars - 1, chunks[0].Length);
        Assert.StartsWith("😀", chunks[1], StringComparison.Ordinal);
        Assert.Equal(text, string.Concat(chunks));
    }

    [Fact]
    public void Write_TextBeyondTheMainEntity_SpillsIntoOrderedPartsWithinLimits()
    {
        var text = StorageTestData.LongText(1_000_000);
        var main = new TableEntity("pk", "0000000000000000007");

        var parts = ChunkedText.Write(main, "Text", text, "v1");

        Assert.Equal(2, parts.Count);
        Assert.Equal(["0000000000000000007-0001", "0000000000000000007-0002"], parts.Select(p => p.RowKey));
        Assert.All(parts.Append(main), e => Assert.InRange(e.Count(p => p.Key.StartsWith("Text", StringComparison.Ordinal) && char.IsDigit(p.Key[^1])), 1, ChunkedText.ChunksInPart));
        Assert.All(parts.Append(main).SelectMany(e => e.Select(p => p.Value).OfType<string>()), s => Assert.True(s.Length <= ChunkedText.MaxChunkChars));
        Assert.Equal(text, ChunkedText.Read(main, "Text", parts, checkVersion: true));
    }

    [Fact]
    public void Read_PartOfAnotherWrite_ReturnsNullSoTheCallerReadsAgain()
    {
        var main = new TableEntity("pk", "doc");
        var parts = ChunkedText.Write(main, "Json", StorageTestData.LongText(500_000), "v1");
        var newer = new TableEntity("pk", "doc");
        var newerParts = ChunkedText.Write(newer, "Json", StorageTestData.LongText(500_000, seed: 9), "v2");

        Assert.Null(ChunkedText.Read(main, "Json", newerParts, checkVersion: true));
        Assert.NotNull(ChunkedText.Read(main, "Json", parts, checkVersion: true));
    }

    [Fact]
    public void Read_MissingChunk_ThrowsStorageUnavailable()
    {
        var main = new TableEntity("pk", "doc");
        ChunkedText.Write(main, "Json", StorageTestData.LongText(100_000), "v1");
        main.Remove("Json1");

        var error = Assert.Throws<ScreeningBot.Dialogs.Storage.StorageUnavailableException>(() => ChunkedText.Read(main, "Json", [], checkVersion: true));

        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
    }
}
