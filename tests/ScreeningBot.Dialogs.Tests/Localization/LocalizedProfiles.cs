using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Localization;

/// <summary>
/// <see cref="SampleProfiles.Backend"/> written in German and in Spanish (as a hiring team there would write it), each with
/// a yes/no, a number and a date knockout and a language assessment in English.
/// </summary>
internal static class LocalizedProfiles
{
    public static Profile German { get; } = SampleProfiles.Backend with
    {
        Id = "sample-de",
        Language = "de",
        Title = "Backend-Entwickler (m/w/d)",
        Brief = "Sie entwickeln und betreiben die APIs hinter unserem Produkt.",
        Knockouts =
        [
            new Knockout { Id = "api-years", Question = "Wie viele Jahre Erfahrung haben Sie im API-Design?", Type = KnockoutAnswerType.Number, Unit = "Jahre", FailIf = "< 3", Rule = new NumberRule(ComparisonOperator.LessThan, 3) },
            new Knockout { Id = "start-date", Question = "Ab wann könnten Sie anfangen?", Type = KnockoutAnswerType.Date, FailIf = "> +1m", Rule = new DateRule(ComparisonOperator.GreaterThan, null, 0, 1) },
            new Knockout { Id = "work-permit", Question = "Haben Sie eine Arbeitserlaubnis für Deutschland?", Type = KnockoutAnswerType.YesNo, FailIf = "no", Rule = new YesNoRule(false) },
        ],
        CustomQuestions =
        [
            SampleProfiles.Backend.CustomQuestions[0] with { Text = "Erzählen Sie mir von einer API, die Sie entworfen haben.", FollowUps = [] },
            SampleProfiles.Backend.CustomQuestions[1] with { Text = "Erzählen Sie mir von einem Produktionsvorfall, den Sie bearbeitet haben." },
        ],
        Blueprints =
        [
            SampleProfiles.Backend.Blueprints[0] with
            {
                Text = "Wie würden Sie eine leselastige API mit einem Cache versehen?",
                FollowUps =
                [
                    SampleProfiles.Backend.Blueprints[0].FollowUps[0] with { Text = "Wie invalidieren Sie den Cache?" },
                    SampleProfiles.Backend.Blueprints[0].FollowUps[1] with { Text = "Was passiert bei einem Cache-Stampede?" },
                ],
            },
        ],
        LanguageAssessment = new LanguageAssessment { Language = "en", TargetLevel = CefrLevel.B2, Questions = ["Please describe your last project in a few sentences."] },
        ContentHash = "sample-de-v1",
    };

    public static Profile Spanish { get; } = SampleProfiles.Backend with
    {
        Id = "sample-es",
        Language = "es",
        Title = "Desarrollador/a backend",
        Brief = "Desarrollará y mantendrá las API en las que se apoya nuestro producto.",
        Knockouts =
        [
            new Knockout { Id = "api-years", Question = "¿Cuántos años de experiencia tiene diseñando API?", Type = KnockoutAnswerType.Number, Unit = "años", FailIf = "< 3", Rule = new NumberRule(ComparisonOperator.LessThan, 3) },
            new Knockout { Id = "start-date", Question = "¿Cuándo podría incorporarse?", Type = KnockoutAnswerType.Date, FailIf = "> +1m", Rule = new DateRule(ComparisonOperator.GreaterThan, null, 0, 1) },
            new Knockout { Id = "work-permit", Question = "¿Tiene permiso de trabajo en España?", Type = KnockoutAnswerType.YesNo, FailIf = "no", Rule = new YesNoRule(false) },
        ],
        CustomQuestions =
        [
            SampleProfiles.Backend.CustomQuestions[0] with { Text = "Hábleme de una API que haya diseñado.", FollowUps = [] },
            SampleProfiles.Backend.CustomQuestions[1] with { Text = "Hábleme de una incidencia en producción que haya gestionado." },
        ],
        Blueprints =
        [
            SampleProfiles.Backend.Blueprints[0] with
            {
                Text = "¿Cómo añadiría una caché a una API con mucha lectura?",
                FollowUps =
                [
                    SampleProfiles.Backend.Blueprints[0].FollowUps[0] with { Text = "¿Cómo invalidaría la caché?" },
                    SampleProfiles.Backend.Blueprints[0].FollowUps[1] with { Text = "¿Qué ocurre si muchas peticiones fallan la caché a la vez?" },
                ],
            },
        ],
        LanguageAssessment = new LanguageAssessment { Language = "en", TargetLevel = CefrLevel.B2, Questions = ["Please describe your last project in a few sentences."] },
        ContentHash = "sample-es-v1",
    };
}
