using System.Globalization;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Tests.Localization;

/// <summary>The recognisers in German and Spanish: yes/no, numbers with a decimal comma, dates, skip and the commands.</summary>
public sealed class LocalizedRecognitionTests
{
    // A Monday.
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static CandidateLanguage German => Language("de");

    private static CandidateLanguage Spanish => Language("es");

    [Theory]
    [InlineData("de", "ja", true)]
    [InlineData("de", "Ja, habe ich.", true)]
    [InlineData("de", "Natürlich!", true)]
    [InlineData("de", "einverstanden", true)]
    [InlineData("de", "nein", false)]
    [InlineData("de", "Nein, noch nicht", false)]
    [InlineData("de", "leider nicht", false)]
    [InlineData("de", "yes", true)]
    [InlineData("es", "sí", true)]
    [InlineData("es", "Si, claro", true)]
    [InlineData("es", "de acuerdo", true)]
    [InlineData("es", "no", false)]
    [InlineData("es", "No, todavía no", false)]
    [InlineData("es", "para nada", false)]
    [InlineData("es", "ok", true)]
    public void YesNo_LocalWordsAndEnglish_Recognized(string tag, string text, bool expected)
    {
        var result = YesNoPrompt.Recognize(text, Language(tag));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("de", "keine Ahnung", "Bitte antworten Sie mit Ja oder Nein (Sie können auch die Schaltflächen verwenden).")]
    [InlineData("de", "vielleicht", "Bitte antworten Sie mit Ja oder Nein (Sie können auch die Schaltflächen verwenden).")]
    [InlineData("es", "no sé", "Por favor, responda sí o no (también puede usar los botones).")]
    [InlineData("es", "quizás", "Por favor, responda sí o no (también puede usar los botones).")]
    public void YesNo_UnclearOrSkip_ReasksInTheLanguage(string tag, string text, string expected)
    {
        var result = YesNoPrompt.Recognize(text, Language(tag));

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("de", "6,5 Jahre", 6.5)]
    [InlineData("de", "ca. 4", 4)]
    [InlineData("de", "fünf", 5)]
    [InlineData("de", "sechseinhalb Jahre", 6.5)]
    [InlineData("de", "anderthalb Jahre", 1.5)]
    [InlineData("de", "fünfundzwanzig", 25)]
    [InlineData("de", "ein Jahr", 1)]
    [InlineData("de", "ein paar Jahre", 2)]
    [InlineData("de", "zwei und ein halbes Jahr", 2.5)]
    [InlineData("es", "6,5 años", 6.5)]
    [InlineData("es", "cinco años y medio", 5.5)]
    [InlineData("es", "un año y medio", 1.5)]
    [InlineData("es", "medio año", 0.5)]
    [InlineData("es", "veinticinco", 25)]
    [InlineData("es", "treinta y cinco", 35)]
    [InlineData("es", "un par de años", 2)]
    [InlineData("es", "four", 4)]
    public void Number_LocalWordsAndDecimalComma_Recognized(string tag, string text, decimal expected)
    {
        var result = NumberPrompt.Recognize(text, Language(tag), 0, 100, "years");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Number_ArticleWithoutUnit_IsNotOne()
    {
        Assert.False(NumberPrompt.Recognize("ein bisschen", German, 0, 100).Succeeded);
        Assert.False(NumberPrompt.Recognize("una eternidad", Spanish, 0, 100).Succeeded);
    }

    [Theory]
    [InlineData("de", "viele", "Ich brauche eine Zahl (Jahre), zum Beispiel 4.")]
    [InlineData("de", "150", "Ich brauche eine Zahl zwischen 0 und 99,5 (Jahre).")]
    [InlineData("es", "muchos", "Necesito un número de Jahre, por ejemplo 4.")]
    [InlineData("es", "150", "Necesito un número entre 0 y 99,5 Jahre.")]
    public void Number_Invalid_ReasksInTheLanguageWithItsDecimalComma(string tag, string text, string expected)
    {
        var result = NumberPrompt.Recognize(text, Language(tag), 0, 99.5m, "Jahre");

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }

    // Today (2026-11-23) is a Monday.
    [Theory]
    [InlineData("de", "sofort", "2026-11-23")]
    [InlineData("de", "ab sofort", "2026-11-23")]
    [InlineData("de", "morgen", "2026-11-24")]
    [InlineData("de", "übermorgen", "2026-11-25")]
    [InlineData("de", "nächsten Montag", "2026-11-30")]
    [InlineData("de", "ab nächstem Montag", "2026-11-30")]
    [InlineData("de", "am Freitag", "2026-11-27")]
    [InlineData("de", "Freitag nächste Woche", "2026-12-04")]
    [InlineData("de", "nächste Woche Freitag", "2026-12-04")]
    [InlineData("de", "nächste Woche", "2026-11-30")]
    [InlineData("de", "nächsten Monat", "2026-12-23")]
    [InlineData("de", "in 2 Wochen", "2026-12-07")]
    [InlineData("de", "in zwei Wochen", "2026-12-07")]
    [InlineData("de", "nach einem Monat", "2026-12-23")]
    [InlineData("de", "3 Monate Kündigungsfrist", "2027-02-23")]
    [InlineData("de", "Ende des Monats", "2026-11-30")]
    [InlineData("de", "zum Monatsende", "2026-11-30")]
    [InlineData("de", "Anfang nächsten Monats", "2026-12-01")]
    [InlineData("de", "Anfang des nächsten Monats", "2026-12-01")]
    [InlineData("de", "Mitte März", "2027-03-15")]
    [InlineData("de", "Ende Februar", "2027-02-28")]
    [InlineData("de", "1. März", "2027-03-01")]
    [InlineData("de", "am 1. März 2027", "2027-03-01")]
    [InlineData("de", "Montag, 1. März 2027", "2027-03-01")]
    [InlineData("de", "Ich kann ab dem 15. Januar anfangen", "2027-01-15")]
    [InlineData("de", "03.04.2027", "2027-04-03")]
    [InlineData("de", "2027-02-01", "2027-02-01")]
    [InlineData("de", "next Monday", "2026-11-30")]
    [InlineData("es", "ya", "2026-11-23")]
    [InlineData("es", "de inmediato", "2026-11-23")]
    [InlineData("es", "mañana", "2026-11-24")]
    [InlineData("es", "pasado mañana", "2026-11-25")]
    [InlineData("es", "el próximo lunes", "2026-11-30")]
    [InlineData("es", "el lunes que viene", "2026-11-30")]
    [InlineData("es", "a partir del próximo lunes", "2026-11-30")]
    [InlineData("es", "el viernes", "2026-11-27")]
    [InlineData("es", "el viernes de la semana que viene", "2026-12-04")]
    [InlineData("es", "la semana que viene", "2026-11-30")]
    [InlineData("es", "el mes que viene", "2026-12-23")]
    [InlineData("es", "dentro de 2 semanas", "2026-12-07")]
    [InlineData("es", "en dos semanas", "2026-12-07")]
    [InlineData("es", "un mes de preaviso", "2026-12-23")]
    [InlineData("es", "a finales de mes", "2026-11-30")]
    [InlineData("es", "a principios del mes que viene", "2026-12-01")]
    [InlineData("es", "a mediados de marzo", "2027-03-15")]
    [InlineData("es", "a finales de febrero", "2027-02-28")]
    [InlineData("es", "1 de marzo", "2027-03-01")]
    [InlineData("es", "el 1 de marzo de 2027", "2027-03-01")]
    [InlineData("es", "lunes 1 de marzo de 2027", "2027-03-01")]
    [InlineData("es", "puedo empezar el 15 de enero", "2027-01-15")]
    [InlineData("es", "03/04/2027", "2027-04-03")]
    [InlineData("es", "in 3 weeks", "2026-12-14")]
    public void Date_LocalForms_Recognized(string tag, string text, string expected)
    {
        var result = DatePrompt.Recognize(text, Today, Language(tag));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("de", "irgendwann", "Ich brauche ein Datum, zum Beispiel 2027-01-04, „4. Januar“, „nächsten Montag“ oder „in 6 Wochen“.")]
    [InlineData("de", "31.02.2027", "Ich brauche ein Datum, zum Beispiel 2027-01-04, „4. Januar“, „nächsten Montag“ oder „in 6 Wochen“.")]
    [InlineData("es", "cuando sea posible más o menos", "Necesito una fecha, por ejemplo 2027-01-04, «4 de enero», «el próximo lunes» o «dentro de 6 semanas».")]
    public void Date_Unrecognized_ReasksWithExamplesInTheLanguage(string tag, string text, string expected)
    {
        var result = DatePrompt.Recognize(text, Today, Language(tag));

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("de", "überspringen", true)]
    [InlineData("de", "Keine Ahnung.", true)]
    [InlineData("de", "skip", true)]
    [InlineData("de", "Ich würde den Cache überspringen und direkt lesen", false)]
    [InlineData("es", "saltar", true)]
    [InlineData("es", "No sé.", true)]
    [InlineData("es", "pass", true)]
    public void Text_SkipPhrases_InTheLanguageAndEnglish(string tag, string text, bool skipped)
    {
        var result = TextPrompt.Recognize(text, Language(tag));

        Assert.True(result.Succeeded);
        Assert.Equal(skipped, result.Value!.Skipped);
    }

    [Theory]
    [InlineData("de", "hilfe", CandidateCommand.Help)]
    [InlineData("de", "Wiederholen", CandidateCommand.Repeat)]
    [InlineData("de", "pause", CandidateCommand.Pause)]
    [InlineData("de", "weiter", CandidateCommand.Resume)]
    [InlineData("de", "abbrechen", CandidateCommand.Withdraw)]
    [InlineData("de", "help", CandidateCommand.Help)]
    [InlineData("es", "ayuda", CandidateCommand.Help)]
    [InlineData("es", "repetir", CandidateCommand.Repeat)]
    [InlineData("es", "pausa", CandidateCommand.Pause)]
    [InlineData("es", "continuar", CandidateCommand.Resume)]
    [InlineData("es", "¡retirarme!", CandidateCommand.Withdraw)]
    [InlineData("es", "withdraw", CandidateCommand.Withdraw)]
    public void Commands_LocalWordsAndEnglish_Recognized(string tag, string text, CandidateCommand expected)
    {
        Assert.Equal(expected, CandidateCommands.TryParse(text, Language(tag)));
    }

    [Fact]
    public void Commands_LocalWords_AreNotCommandsInEnglish()
    {
        Assert.Null(CandidateCommands.TryParse("hilfe", CandidateLanguages.English));
        Assert.Null(CandidateCommands.TryParse("Ich brauche Hilfe bei der Frage", German));
    }

    [Fact]
    public void Choice_NotUnderstood_ListsTheOptionsInTheLanguage()
    {
        IReadOnlyList<Choice> choices = [new("Festanstellung", "permanent"), new("Freiberuflich", "contract")];

        var result = ChoicePrompt.Recognize("egal", choices, German);

        Assert.Equal("Bitte wählen Sie eine der Optionen: 1. Festanstellung, 2. Freiberuflich (geben Sie die Nummer oder die Option ein).", result.Error);
    }

    private static CandidateLanguage Language(string tag) =>
        CandidateLanguages.TryResolve(tag, out var language) ? language : throw new InvalidOperationException($"no language {tag}");
}
