using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Localization;

/// <summary>Whole interviews in German and Spanish: every bot text in the profile's language, answers understood in it, the language part in English.</summary>
public sealed class LocalizedConversationTests
{
    // A Monday.
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const string LongAnswer = "I designed a paginated REST API with cursor pagination and versioned it in the URL.";

    // Different answers to different questions: the same answer twice is a repeat the judge flags (TurnIntegrity).
    private const string IncidentAnswer = "I was on call when checkout latency spiked after a deploy. I rolled back within six minutes and wrote the postmortem.";
    private const string CacheAnswer = "We cached the catalogue in Redis with a five minute TTL. Product updates deleted the key through an outbox event.";
    private const string StampedeAnswer = "Hot keys expired together under load. I added request coalescing with a short per-key lock and jittered expiry.";
    private const string QueueAnswer = "Slow PDF exports moved to a queue with four idempotent workers. Timeouts fell from three percent to zero.";

    [Fact]
    public async Task Interview_GermanProfile_SpeaksGermanUnderstandsGermanAndSwitchesToEnglishForTheLanguagePart()
    {
        await new ConversationFlow(LocalizedProfiles.German, new FakeTimeProvider(Start))
            .Start()
            .AssertReply(
                "Hallo Jane! Ich bin der Screening-Assistent für die Stelle **Backend-Entwickler (m/w/d)**.\n\n" +
                "Sie entwickeln und betreiben die APIs hinter unserem Produkt.\n\n" +
                "Das Screening dauert etwa 30 Minuten, und Sie können in Ruhe antworten: Es bleibt bis Montag, 30. November, 09:00 Uhr UTC (noch 7 Tage) geöffnet. " +
                "Es gibt keine Fangfragen; am meisten helfen konkrete Beispiele aus Ihrer eigenen Arbeit. " +
                "Sie können jederzeit **hilfe**, **wiederholen**, **überspringen** (bei einer Frage, die nicht auf Sie zutrifft), **pause**, **weiter**, **abbrechen** oder **mensch** (um stattdessen mit einer Person zu sprechen) eingeben.")
            .AssertReply(r => r.Text.StartsWith("**Bevor wir beginnen", StringComparison.Ordinal) && r.Text.Contains("180 Tage lang aufbewahrt", StringComparison.Ordinal) && r.Text.EndsWith("Sind Sie einverstanden, mit dem automatisierten Screening fortzufahren?", StringComparison.Ordinal) && r.Choices.Select(c => c.Title).SequenceEqual(["Ja", "Nein"]), "the consent question with Ja/Nein buttons")
            .Send("ja")
            .AssertReply("Vielen Dank! Dann legen wir los.")
            .AssertReply("Zunächst ein paar kurze Fragen zu den Grundlagen.")
            .AssertReply("Wie viele Jahre Erfahrung haben Sie im API-Design?")
            .Send("überspringen")
            .AssertReplyContains("Diese ersten Fragen lassen sich nicht überspringen")
            .Send("viele")
            .AssertReply("Ich brauche eine Zahl (Jahre), zum Beispiel 4.")
            .Send("6,5 Jahre")
            .AssertReply("Ab wann könnten Sie anfangen?\n_Jedes eindeutige Datum passt, zum Beispiel 2027-01-04, „4. Januar“, „nächsten Montag“ oder „in 6 Wochen“._")
            .Send("irgendwann")
            .AssertReply("Ich brauche ein Datum, zum Beispiel 2027-01-04, „4. Januar“, „nächsten Montag“ oder „in 6 Wochen“.")
            .Send("ab nächstem Montag")
            .AssertReply("Haben Sie eine Arbeitserlaubnis für Deutschland?")
            .Send("vielleicht")
            .AssertReply("Bitte antworten Sie mit Ja oder Nein (Sie können auch die Schaltflächen verwenden).")
            .SkipReplies(1)
            .Send("Ja, habe ich.")
            .AssertReply("Jetzt zwei Fragen zu Ihrer Erfahrung. Ein paar Sätze mit einem konkreten Beispiel sind ideal; wenn eine Frage nicht auf Sie zutrifft, geben Sie überspringen ein.")
            .AssertReply("**Frage 1 von 2.** Erzählen Sie mir von einer API, die Sie entworfen haben.")
            .Send("Hilfe")
            .AssertReplyContains("ein kurzes, strukturiertes Screening durch.")
            .AssertReply("**Frage 1 von 2.** Erzählen Sie mir von einer API, die Sie entworfen haben.")
            .Send("pause")
            .AssertReply("Pausiert. Lassen Sie sich Zeit: Geben Sie **weiter** ein, sobald Sie so weit sind. Das Screening bleibt bis Montag, 30. November, 09:00 Uhr UTC (noch 7 Tage) geöffnet.")
            .RestartProcess()
            .Send("weiter")
            .AssertReply("Willkommen zurück! Hier waren wir stehen geblieben:")
            .AssertReply("**Frage 1 von 2.** Erzählen Sie mir von einer API, die Sie entworfen haben.")
            .Send("Eine REST-API.")
            .AssertReply("Welche Kennzahlen haben Sie sich vorher und nachher angesehen? Grobe Werte genügen: Latenz, Fehlerrate, Kosten, Durchsatz.")
            .Send(LongAnswer)
            .AssertReply("**Frage 2 von 2.** Erzählen Sie mir von einem Produktionsvorfall, den Sie bearbeitet haben.")
            .Send("keine Ahnung")
            .AssertReplyContains("Als Nächstes eine Designfrage zum Vertiefen.")
            .AssertReply("**Designfrage.** Wie würden Sie eine leselastige API mit einem Cache versehen?")
            .Send(LongAnswer)
            .AssertReply("**Nachfrage 1 von 2.** Wie invalidieren Sie den Cache?")
            .Send("wiederholen")
            .AssertReply("**Nachfrage 1 von 2.** Wie invalidieren Sie den Cache?")
            .Send(LongAnswer)
            .AssertReply("**Nachfrage 2 von 2.** Was passiert bei einem Cache-Stampede?")
            .Send(LongAnswer)
            .AssertReply("Wechseln wir jetzt für eine kurze Frage die Sprache. Bitte antworten Sie auf Englisch.")
            .AssertReply("Please describe your last project in a few sentences.")
            .Send("help")
            .AssertReplyContains("running a short structured screen for the hiring team")
            .AssertReply("Please describe your last project in a few sentences.")
            .Send(string.Empty)
            .AssertReply("I didn't catch an answer there. Take your time and reply in your own words, or type skip to move on.")
            .Send(LongAnswer)
            .AssertReply("Das war's schon, Jane. Vielen Dank für Ihre Zeit und Ihre durchdachten Antworten! Das Einstellungsteam sieht sich das Screening an und meldet sich bei Ihnen.")
            .AssertNoMoreReplies()
            .AssertRecord(s =>
            {
                Assert.Equal(InterviewStatus.Completed, s.Status);
                Assert.Equal("de", s.Language);
                Assert.Equal(["api-years:6.5:True", "start-date:2026-11-30:True", "work-permit:yes:True"], s.Knockouts.Select(k => $"{k.KnockoutId}:{k.AnswerText}:{k.Passed}"));
                Assert.True(s.Answers.Single(a => a.QuestionId == "incident").Skipped);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Interview_SpanishProfile_SpeaksSpanishUnderstandsSpanishAndSwitchesToEnglishForTheLanguagePart()
    {
        await new ConversationFlow(LocalizedProfiles.Spanish, new FakeTimeProvider(Start))
            .Start()
            .AssertReply(
                "¡Hola, Jane! Soy el asistente de preselección para el puesto de **Desarrollador/a backend**.\n\n" +
                "Desarrollará y mantendrá las API en las que se apoya nuestro producto.\n\n" +
                "Esta entrevista dura aproximadamente 30 minutos y puede responder cuando le venga bien: permanece abierta hasta el lunes 30 de noviembre a las 09:00 UTC (dentro de 7 días). " +
                "No hay preguntas trampa; lo que más ayuda son ejemplos concretos de su propio trabajo. " +
                "Puede escribir **ayuda**, **repetir**, **saltar** (si una pregunta no se aplica a su caso), **pausa**, **continuar**, **retirarme** o **humano** (para hablar con una persona) en cualquier momento.")
            .AssertReply(r => r.Text.EndsWith("¿Está de acuerdo en continuar con la entrevista automatizada?", StringComparison.Ordinal) && r.Choices.Select(c => c.Title).SequenceEqual(["Sí", "No"]), "the consent question with Sí/No buttons")
            .Send("Sí, claro")
            .AssertReply("¡Gracias! Empecemos.")
            .AssertReply("Primero, unas preguntas rápidas sobre lo básico.")
            .AssertReply("¿Cuántos años de experiencia tiene diseñando API?")
            .Send("-2")
            .AssertReply("Parece un número negativo. Necesito un número de años, por ejemplo 4.")
            .Send("cinco años y medio")
            .AssertReply("¿Cuándo podría incorporarse?\n_Sirve cualquier fecha clara, por ejemplo 2027-01-04, «4 de enero», «el próximo lunes» o «dentro de 6 semanas»._")
            .Send("dentro de dos semanas")
            .AssertReply("¿Tiene permiso de trabajo en España?")
            .Send("retirarme")
            .AssertReply(r => r.Text.StartsWith("¿Seguro que quiere retirarse", StringComparison.Ordinal) && r.Choices.Select(c => c.Title).SequenceEqual(["Sí, retirarme", "No, continuar"]), "the withdraw confirmation in Spanish")
            .Send("no")
            .AssertReply("Perfecto, sigamos.")
            .AssertReply("¿Tiene permiso de trabajo en España?")
            .Send("sí")
            .AssertReply("Ahora, dos preguntas sobre su experiencia. Lo ideal son unas cuantas frases con un ejemplo concreto; escriba saltar si alguna no se aplica a su caso.")
            .AssertReply("**Pregunta 1 de 2.** Hábleme de una API que haya diseñado.")
            .Send("ayuda")
            .AssertReplyContains("Soy un asistente automatizado y hago una breve entrevista estructurada para el equipo de selección")
            .SkipReplies(1)
            .Send(LongAnswer)
            .AssertReply("**Pregunta 2 de 2.** Hábleme de una incidencia en producción que haya gestionado.")
            .Send("no sé")
            .AssertReplyContains("A continuación, una pregunta de diseño en profundidad.")
            .AssertReply("**Pregunta de diseño.** ¿Cómo añadiría una caché a una API con mucha lectura?")
            .Send(LongAnswer)
            .AssertReply("**Pregunta complementaria 1 de 2.** ¿Cómo invalidaría la caché?")
            .Send(LongAnswer)
            .AssertReply("**Pregunta complementaria 2 de 2.** ¿Qué ocurre si muchas peticiones fallan la caché a la vez?")
            .Send(LongAnswer)
            .AssertReply("Cambiemos de idioma para una pregunta breve. Por favor, responda en inglés.")
            .AssertReply("Please describe your last project in a few sentences.")
            .Send(LongAnswer)
            .AssertReply("Eso es todo, Jane. ¡Muchas gracias por su tiempo y por sus respuestas tan bien pensadas! El equipo de selección revisará la entrevista y se pondrá en contacto con usted.")
            .AssertNoMoreReplies()
            .AssertRecord(s =>
            {
                Assert.Equal(InterviewStatus.Completed, s.Status);
                Assert.Equal("es", s.Language);
                Assert.Equal(["api-years:5.5:True", "start-date:2026-12-07:True", "work-permit:yes:True"], s.Knockouts.Select(k => $"{k.KnockoutId}:{k.AnswerText}:{k.Passed}"));
            })
            .AdvanceTime(TimeSpan.FromMinutes(5))
            .Send("hola")
            .AssertReply("Esta entrevista ha terminado. Gracias de nuevo: el equipo de selección ya tiene sus respuestas.")
            .RunAsync();
    }

    [Fact]
    public async Task Interview_EnglishProfileWithGermanAssessment_SpeaksGermanOnlyDuringTheLanguagePart()
    {
        await new ConversationFlow(SampleProfiles.WithLanguage, new FakeTimeProvider(Start))
            .Start().SkipReplies(2)
            .Send("yes").SkipReplies(3)
            .Send("5").SkipReplies(1)
            .Send("tomorrow").SkipReplies(2)
            .Send(LongAnswer).SkipReplies(1)
            .Send(IncidentAnswer).SkipReplies(2)
            .Send(CacheAnswer).SkipReplies(1)
            .Send(StampedeAnswer)
            .AssertReply("**Follow-up 2 of 2.** What happens on a cache stampede?")
            .Send(QueueAnswer)
            .AssertReply("Let's switch language for one short question. Please answer in German.")
            .AssertReply("Beschreiben Sie bitte Ihr letztes Projekt.")
            .Send("hilfe")
            .AssertReplyContains("ein kurzes, strukturiertes Screening durch.")
            .AssertReply("Beschreiben Sie bitte Ihr letztes Projekt.")
            .Send("help")
            .AssertReplyContains("führe für das Einstellungsteam")
            .SkipReplies(1)
            .Send(string.Empty)
            .AssertReply("Da ist keine Antwort bei mir angekommen. Lassen Sie sich Zeit und antworten Sie mit eigenen Worten, oder geben Sie überspringen ein, um weiterzugehen.")
            .Send("Zuletzt habe ich eine Schnittstelle für Rechnungen gebaut, die täglich viele Anfragen verarbeitet.")
            .AssertReply("That's everything, Jane. Thank you for your time and thoughtful answers! The hiring team will review the screen and get back to you.")
            .AssertNoMoreReplies()
            .AssertRecord(s => Assert.Equal("en", s.Language))
            .RunAsync();
    }
}
