using System.Globalization;
using System.Text;
using Humanizer;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Localization;

/// <summary>The language files: complete, consistent with English, resolved from BCP-47 tags, and checked by validate-profiles.</summary>
public sealed class CandidateLanguagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Languages => [.. CandidateLanguages.Supported];

    [Fact]
    public void Supported_ShipsEnglishGermanAndSpanish()
    {
        Assert.Equal(["de", "en", "es"], CandidateLanguages.Supported);
    }

    [Fact]
    public void ShippedFiles_HaveEveryEnglishKeyWithTheSamePlaceholders()
    {
        var files = CandidateLanguages.ReadShipped().ToArray();
        var english = files.Single(f => f.Resource.Language == "en").Resource;

        Assert.Equal(3, files.Length);
        Assert.All(files, f =>
        {
            Assert.Equal(english.Messages.Keys.Order(StringComparer.Ordinal), f.Resource.Messages.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, template) in f.Resource.Messages)
            {
                Assert.True(TextTemplate.Placeholders(english.Messages[key]).SetEquals(TextTemplate.Placeholders(template)), $"{f.Source}: {key} has other placeholders than English");
            }

            Assert.Empty(LanguageResourceChecker.Problems(english, f.Resource, f.Source));
        });
    }

    [Fact]
    public void Checker_TranslationWithMissingKeyChangedPlaceholderAndExtraKey_ReportsEach()
    {
        var english = CandidateLanguages.ReadShipped().Single(f => f.Resource.Language == "en").Resource;
        var messages = new Dictionary<string, string>(english.Messages);
        messages.Remove("consentGiven");
        messages["closing"] = "Fertig, {vorname}.";
        messages["surprise"] = "Überraschung";
        var broken = english with { Language = "xx", Messages = messages };

        var problems = LanguageResourceChecker.Problems(english, broken, "xx.json");

        Assert.Equal(
            [
                "xx.json: message \"consentGiven\" is missing; translate the English one (en.json)",
                "xx.json: message \"surprise\" is not in en.json; remove it or add it to every language",
                "xx.json: message \"closing\" has placeholders {vorname}; English has {firstName}",
            ],
            problems);
    }

    [Fact]
    public void ReadResource_UnknownField_IsAClearError()
    {
        var json = "{\"language\":\"xx\",\"mesages\":{}}";

        var error = Assert.Throws<InvalidOperationException>(() => CandidateLanguages.ReadResource(new MemoryStream(Encoding.UTF8.GetBytes(json)), "xx.json"));

        Assert.StartsWith("xx.json is not a valid language file:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("de-AT", "de")]
    [InlineData("es-MX", "es")]
    [InlineData("EN-gb", "en")]
    public void TryResolve_TagOrPrimarySubtag_FindsTheLanguage(string tag, string expected)
    {
        Assert.True(CandidateLanguages.TryResolve(tag, out var language));
        Assert.Equal(expected, language.Tag);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public void TryResolve_NoFile_IsFalseAndResolveFallsBackToEnglish(string? tag)
    {
        Assert.False(CandidateLanguages.TryResolve(tag, out _));
        Assert.Same(CandidateLanguages.English, CandidateLanguages.Resolve(tag));
    }

    /// <summary>Every accessor in every language: a missing key or a placeholder the code does not supply would throw here.</summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void Texts_EveryMessage_FormatsWithoutLeftoverPlaceholders(string tag)
    {
        var texts = CandidateLanguages.Resolve(tag).Texts;
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        string[] all =
        [
            .. texts.YesNoChoices.Select(c => c.Title), .. texts.WithdrawChoices.Select(c => c.Title), texts.Commands,
            texts.Welcome(SampleProfiles.Backend, "Jane", Now.AddDays(7), Now), texts.Welcome(SampleProfiles.Backend, null, Now.AddDays(7), Now),
            texts.OpenUntil(Now.AddMinutes(1), Now), texts.OpenUntil(Now.AddSeconds(10), Now), texts.OpenUntil(Now.AddDays(1).AddHours(2), Now),
            texts.KnockoutNotSkippable, texts.ConsentQuestion, texts.ConsentGiven, texts.ConsentDeclined, texts.KnockoutIntro, texts.KnockedOut,
            texts.CustomIntro(1), texts.CustomIntro(3), texts.CustomIntro(60), texts.CustomQuestion(1, 2, "Q"), texts.BlueprintIntro,
            texts.BlueprintQuestion(1, 1, "Q"), texts.BlueprintQuestion(1, 2, "Q"), texts.BlueprintFollowUp(1, 2, "Q"),
            texts.LanguageIntro("en", 1), texts.LanguageIntro("de", 2), texts.LanguageCheckIntro("es", 1), texts.LanguageCheckIntro("fr", 3),
            texts.Closing("Jane"), texts.Closing(null), texts.Help(Now.AddDays(7), Now), texts.Paused(Now.AddDays(7), Now), texts.Resumed,
            texts.NotPaused, texts.NoOpenQuestion, texts.WithdrawQuestion, texts.Withdrawn, texts.WithdrawCancelled, texts.Expired,
            texts.AlreadyEnded, texts.ProfileChanged, texts.ClosedByTeam, texts.StaleClick, texts.TooLong(12_345, 8_000), texts.FollowUp("metrics"), texts.FollowUp("tradeoffs"),
            texts.FollowUp("ownership"), texts.FollowUp("example"), texts.FollowUp("failure-modes"), texts.FollowUp("idempotency"),
            texts.TextEmpty, texts.YesNoExpected, texts.ChoiceExpected([new("A", "a"), new("B", "b")]), texts.NumberExpected(null),
            texts.NumberExpected("years"), texts.NumberNegative(null), texts.NumberOutOfRange(0, 10, null), texts.NumberOutOfRange(0, 10, "years"),
            texts.NumberOutOfRange(1, null, null), texts.NumberOutOfRange(1, null, "years"), texts.NumberOutOfRange(null, 5, null),
            texts.NumberOutOfRange(null, 5, "years"), texts.DateHint(today), texts.DateExpected(today),
            texts.DateAmbiguous("03/04/2027", new DateOnly(2027, 4, 3), new DateOnly(2027, 3, 4)),
        ];

        Assert.All(all, text =>
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain('{', text);
        });
    }

    [Fact]
    public void Duration_English_MatchesHumanizerForEveryMinuteOfTwoWeeks()
    {
        var texts = CandidateLanguages.English.Texts;
        for (var minutes = 1; minutes <= 14 * 24 * 60; minutes++)
        {
            var span = TimeSpan.FromMinutes(minutes);
            Assert.Equal(span.Humanize(precision: 2, maxUnit: Humanizer.TimeUnit.Day, minUnit: Humanizer.TimeUnit.Minute), texts.Duration(span, precision: 2));
        }

        for (var minutes = ProfileLimits.MinDurationMinutes; minutes <= ProfileLimits.MaxDurationMinutes; minutes++)
        {
            var span = TimeSpan.FromMinutes(minutes);
            Assert.Equal(span.Humanize(), texts.Duration(span, precision: 1));
        }
    }

    [Fact]
    public void CountWords_English_MatchesHumanizerUpToTheLargestList()
    {
        var texts = CandidateLanguages.English.Texts;
        for (var count = 0; count <= ProfileLimits.MaxListItems; count++)
        {
            Assert.Equal(count.ToWords(CultureInfo.InvariantCulture), texts.CountWords(count));
        }
    }

    [Theory]
    [InlineData("de", "6 Tage und 23 Stunden", "12.345")]
    [InlineData("es", "6 días y 23 horas", "12.345")]
    [InlineData("en", "6 days, 23 hours", "12,345")]
    public void Format_DurationsAndNumbers_FollowTheLanguage(string tag, string duration, string grouped)
    {
        var texts = CandidateLanguages.Resolve(tag).Texts;

        Assert.Equal(duration, texts.Duration(TimeSpan.FromHours(6 * 24 + 23), precision: 2));
        Assert.Equal(grouped, texts.Digits(12_345));
    }

    [Fact]
    public void Validate_LanguageWithNoTexts_IsRejectedWithTheSupportedOnes()
    {
        var yaml = Valid.Replace("durationMinutes: 30", "durationMinutes: 30\nlanguage: fr-CA");

        var error = SingleError(Parse(yaml));

        Assert.Equal("language", error.Field);
        Assert.Equal(LineOf(yaml, "language: fr-CA"), error.Line);
        Assert.Equal("the bot has no texts in \"fr-CA\"; it interviews in de, en, es", error.Message);
        Assert.Equal("use one of de, en, es, or add dialogs/Localization/Texts/fr.json (README \"Languages\")", error.Fix);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("es-419")]
    [InlineData("en-GB")]
    public void Validate_LanguageWithTexts_IsAccepted(string tag)
    {
        var yaml = Valid.Replace("durationMinutes: 30", $"durationMinutes: 30\nlanguage: {tag}");

        Assert.Empty(Parse(yaml).Errors);
    }
}
