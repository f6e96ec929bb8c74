using ScreeningBot.Bot.Storage.Tables;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData(StorageTestData.Hostile)]
    [InlineData("/")]
    [InlineData("\\#?")]
    [InlineData("")]
    public void Encode_AnyText_HasNoCharacterTableKeysForbid(string value)
    {
        var key = TableKeys.Encode(value);

        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.NotEmpty(key);
    }

    [Fact]
    public void Encode_DifferentStrings_GiveDifferentKeys()
    {
        // Case, lone surrogates (which UTF-8 would both turn into U+FFFD) and look-alikes stay distinct.
        string[] values = ["a", "A", "\uD800", "\uDC00", "\uFFFD", "a\u0000", "a", "ab"];

        var keys = values.Distinct(StringComparer.Ordinal).Select(TableKeys.Encode).ToArray();

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Encode_VeryLongText_IsHashedUnderTheKeyLimit()
    {
        var longA = TableKeys.Encode(new string('a', 5000));
        var longB = TableKeys.Encode(new string('a', 4999) + "b");

        Assert.True(longA.Length < 100);
        Assert.NotEqual(longA, longB);
        Assert.StartsWith("h", longA, StringComparison.Ordinal);
    }
}
