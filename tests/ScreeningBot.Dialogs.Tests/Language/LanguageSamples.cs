namespace ScreeningBot.Dialogs.Tests.Language;

/// <summary>Written answers for the language tests, including the three the old estimator got wrong (issue 20).</summary>
internal static class LanguageSamples
{
    /// <summary>Buzzwords with connectors and no grammar: the old estimator said C1.</summary>
    public const string WordSalad =
        "Synergy paradigm the leverage of holistic microservices, however scalable the of orchestration is robust and idempotent throughput, " +
        "therefore asynchronous latency resilient the and paradigm. Whereas the leverage of is robust scalability, holistic the orchestration " +
        "which paradigm synergy of the, although microservices leverage the of robust asynchronous observability. Moreover the idempotent of " +
        "is leverage paradigm, because synergy throughput the and holistic resilient orchestration scalability of the, which microservices " +
        "asynchronous the of robust.";

    /// <summary>Long sentences and long words, with a learner's systematic mistakes: the old estimator said C1.</summary>
    public const string BrokenEnglish =
        "I was not agree with my manager about the architecture because he want that we use microservices. I am work here since three years " +
        "and I have make many improvement, for example I was introduce automatic testing.";

    /// <summary>Two short, precise, correct sentences on a complex topic: the old estimator said B1.</summary>
    public const string ConciseC1 =
        "Optimistic locking suits low contention. Under heavy contention, retries compound latency, so I would serialise writes through a queue instead.";

    /// <summary>Plain, correct, simple sentences.</summary>
    public const string SimpleB1 =
        "I like my job. I work with Java and Spring. Last year we moved our app to the cloud. It was hard but we learned a lot. Now the app is faster and our customers are happy.";

    /// <summary>A longer, fluent answer of an able writer.</summary>
    public const string Fluent =
        "In my last role I led the migration of our billing service from a monolith to three smaller services. The hardest part was not the " +
        "code but the data: invoices had to stay consistent while both systems were live, so we ran them side by side for a month and " +
        "compared every result before switching traffic. Looking back, I would invest earlier in contract tests, because most of the " +
        "incidents we had came from assumptions that one team made about another team's API.";

    public const string Keywords = "Kubernetes, Docker, Terraform, AWS, microservices, Kafka, PostgreSQL, Redis, CI/CD, observability";

    public const string Gibberish = "asdkj qwoeiu zmxnc lkjasd qwe poiuy lkjh mnbv asdf qwer zxcv";

    public const string Mixed =
        "I have worked on payment systems for five years. Ich habe das Projekt mit meinem Team geleitet und wir haben die Datenbank migriert.";

    public const string German =
        "Ich habe das Projekt mit meinem Team geleitet und wir haben die Datenbank migriert, weil die alte Lösung nicht mehr skalierte.";
}
