using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Testing;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Localization;

/// <summary>The first word of a profile's <c>tone</c> picks the wording of the bot's greetings, acknowledgements and closing (issue 22).</summary>
public sealed class BotToneTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("warm, concise and professional; plain English", BotTone.Warm)]
    [InlineData("Neutral; calm and precise", BotTone.Neutral)]
    [InlineData("concise", BotTone.Concise)]
    [InlineData("  concise: direct and friendly", BotTone.Concise)]
    public void TryParse_FirstWordNamesTheTone(string tone, BotTone expected)
    {
        Assert.True(BotTones.TryParse(tone, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("friendly, encouraging")]
    [InlineData("warmly")]
    [InlineData("")]
    public void TryParse_UnknownFirstWord_IsFalse(string tone) => Assert.False(BotTones.TryParse(tone, out _));

    [Theory]
    [InlineData("warm; plain English", "Hi Jane!", "Thank you! Let's begin.", "That's everything, Jane. Thank you for your time and thoughtful answers!")]
    [InlineData("neutral; plain English", "Hello Jane.", "Thank you. We will begin now.", "That is the end of the screen, Jane. Thank you for your answers.")]
    [InlineData("concise; plain English", "Hi Jane.", "Thanks. Starting now.", "That's all, Jane. Thanks.")]
    public async Task Interview_Tone_ChangesTheGreetingTheAcknowledgementAndTheClosing(string tone, string greeting, string acknowledgement, string closing)
    {
        var profile = SampleProfiles.Backend with { Tone = tone, ContentHash = "tone-" + tone[..4] };

        await new ConversationFlow(profile, new FakeTimeProvider(Start))
            .Start()
            .AssertReply(r => r.Text.StartsWith(greeting + " I'm the screening assistant", StringComparison.Ordinal), $"a welcome opening \"{greeting}\"")
            .SkipReplies(1)
            .Click("yes")
            .AssertReply(acknowledgement)
            .SkipReplies(2)
            .Send("5 years").SkipReplies(1)
            .Send("in 2 weeks").SkipReplies(2)
            .Send("skip").SkipReplies(1)
            .Send("skip").SkipReplies(2)
            .Send("skip")
            .AssertReply(r => r.Text.StartsWith(closing, StringComparison.Ordinal), $"a closing opening \"{closing}\"")
            .AssertNoMoreReplies()
            .RunAsync();
    }

    [Fact]
    public async Task Interview_ConciseTone_ResumesInFewWords()
    {
        var profile = SampleProfiles.Backend with { Tone = "concise", ContentHash = "tone-concise-resume" };

        await new ConversationFlow(profile, new FakeTimeProvider(Start))
            .Start().SkipReplies(2)
            .Click("yes").SkipReplies(3)
            .Send("pause").SkipReplies(1)
            .Send("resume")
            .AssertReply("Resumed. Current question:")
            .AssertReplyContains("How many years")
            .RunAsync();
    }

    [Theory]
    [InlineData("de", BotTone.Concise, "Das war alles, Jana. Danke.")]
    [InlineData("es", BotTone.Neutral, "Con esto termina la entrevista, Juana.")]
    public void WithTone_OtherLanguages_HaveTheirOwnVariants(string tag, BotTone tone, string start)
    {
        var texts = CandidateLanguages.Resolve(tag).Texts;
        var name = tag == "de" ? "Jana" : "Juana";

        Assert.StartsWith(start, texts.WithTone(tone).Closing(name), StringComparison.Ordinal);
        Assert.NotEqual(texts.Closing(name), texts.WithTone(tone).Closing(name));
        Assert.Same(texts.WithTone(tone), texts.WithTone(tone));
    }

    [Fact]
    public void Validate_UnknownTone_NamesTheFileLineAndTheTonesToUse()
    {
        var yaml = Valid.Replace("durationMinutes: 30", "durationMinutes: 30\ntone: chirpy and fun");

        var error = SingleError(Parse(yaml));

        Assert.Equal("tone", error.Field);
        Assert.Equal(LineOf(yaml, "tone: chirpy"), error.Line);
        Assert.Equal(
            $"profiles/sample.yaml:{error.Line}: tone: tone starts with \"chirpy\", which is not a tone the bot knows (warm, neutral, concise). Fix: start tone with one of warm, neutral, concise, then any guidance for the LLM, such as `tone: warm; plain English`.",
            error.ToString());
    }

    [Fact]
    public void Validate_KnownToneWithGuidance_IsValidAndKeptWhole()
    {
        var yaml = Valid.Replace("durationMinutes: 30", "durationMinutes: 30\ntone: neutral; calm and precise");

        var result = Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal("neutral; calm and precise", result.Profile!.Tone);
    }
}
