using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Dialogs.Tests.Judging;

public sealed class LightStemmerTests
{
    [Theory]
    [InlineData("cache", "caching", "cached", "caches")]
    [InlineData("index", "indexes", "indexing", "indexed")]
    [InlineData("query", "queries", "query", "query")]
    [InlineData("replica", "replicas", "replica", "replica")]
    [InlineData("partition", "partitions", "partitioning", "partitioned")]
    public void Stem_Variants_ShareOneStem(string word, string variant1, string variant2, string variant3)
    {
        var expected = Stem(word);

        Assert.Equal(expected, Stem(variant1));
        Assert.Equal(expected, Stem(variant2));
        Assert.Equal(expected, Stem(variant3));
    }

    [Theory]
    [InlineData("redis", "redis")]
    [InlineData("status", "status")]
    [InlineData("process", "process")]
    [InlineData("apis", "apis")]
    [InlineData("queues", "queu")]
    [InlineData("queue", "queu")]
    public void Stem_WordsEndingInSOrE_FoldOnlyRealPlurals(string word, string expected)
    {
        Assert.Equal(expected, Stem(word));
    }

    private static string Stem(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, LightStemmer.Stem(buffer));
    }
}
