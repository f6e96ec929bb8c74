using System.Collections.Frozen;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// The word lists the rubric judge uses: function words, groups of interchangeable technical words, named
/// technologies and the phrases that signal trade-offs, causes, examples and first-hand experience.
/// All lists are lowercase and immutable, so one copy serves every thread.
/// </summary>
internal static class JudgingLexicon
{
    /// <summary>Function words: ignored for coverage, counted for the "is this prose?" check.</summary>
    public static readonly FrozenSet<string> FunctionWords = Words("""
        a about above after again against all also am an and any are as at be because been before being below
        between both but by can could did do does doing down during each few for from further had has have having
        he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
        no nor not now of off on once only or other our ours ourselves out over own same she should so some such
        than that the their theirs them themselves then there these they this those through to too under until up
        very was we were what when where which while who whom why will with would you your yours yourself
        yourselves don't doesn't didn't isn't aren't wasn't weren't can't cannot won't wouldn't shouldn't couldn't
        it's i'm i've i'd we're we've we'd they're you're that's there's let's
        """);

    /// <summary>
    /// Groups of words that count as the same term when matching an answer against a reference answer or a
    /// knowledge area. The first word of a group is its canonical form. Kept generic (programming and backend
    /// vocabulary), never tied to one question.
    /// </summary>
    private static readonly string[] SynonymGroups =
    [
        "minimum smallest lowest least min",
        "maximum largest biggest highest greatest max",
        "call invoke",
        "unlimited infinite arbitrary unbounded limitless",
        "memory ram",
        "location address place spot",
        "store hold keep contain save persist",
        "value data information info",
        "element item entry",
        "delete remove erase evict",
        "add insert push append enqueue",
        "begin start beginning",
        "first front head",
        "last end rear tail",
        "collection group sequence",
        "allocate reserve",
        "dynamic dynamically runtime",
        "function method procedure routine subroutine",
        "parameter argument",
        "error bug mistake fault defect",
        "fast quick efficient faster quicker",
        "size length",
        "children child descendant",
        "parent ancestor",
        "compare comparison",
        "swap exchange",
        "sort order arrange",
        "search find look locate lookup",
        "divide split partition shard",
        "combine merge join concatenate",
        "copy duplicate clone",
        "hide hiding encapsulate encapsulation",
        "reuse reusability reusable",
        "declare define definition declaration",
        "initialize initialization init",
        "loop iterate iteration repeat",
        "check verify validate",
        "change modify update alter mutate",
        "number amount quantity",
        "two 2 pair",
        "one 1 single",
        "zero 0",
        "three 3",
        "four 4",
        "log logarithmic logn",
        "constant o1",
        "new create",
        "object instance",
        "program code software application app",
        "simulate simulation mimic emulate",
        "behavior behaviour",
        "latency delay lag",
        "throughput qps rps",
        "cache caching memoize memoization",
        "database db datastore",
        "retry retries reattempt",
        "idempotent idempotency",
        "lock mutex",
        "deploy deployment release rollout",
        "rollback revert",
        "monitor monitoring observability observe dashboard dashboards alerting telemetry grafana prometheus datadog",
        "outage incident downtime",
        "authentication authn login",
        "authorization authz permission",
        "consistent consistency stale staleness",
        "available availability uptime",
        "scale scaling scalability",
        "replica replication replicate",
        "queue broker",
        "index indexing indexes indices",
        "failure fail crash",
        "concurrent concurrency parallel simultaneous",
        "communicate communication inform informed notify stakeholder stakeholders",
    ];

    /// <summary>Stemmed word → stemmed canonical word of its group.</summary>
    public static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    /// <summary>Named technologies (single tokens, lowercase). Ambiguous words such as "go" or "node" are left out.</summary>
    public static readonly FrozenSet<string> Technologies = Words("""
        redis memcached kafka rabbitmq activemq nats pulsar kinesis sqs sns eventbridge servicebus eventhub pubsub
        postgres postgresql mysql mariadb sqlite oracle mssql mongodb mongo cassandra scylladb dynamodb cosmosdb
        couchbase couchdb neo4j influxdb timescaledb clickhouse snowflake bigquery redshift elasticsearch opensearch
        solr lucene hbase hadoop hdfs spark flink airflow beam debezium vitess citus cockroachdb tidb pgbouncer
        kubernetes k8s docker podman helm terraform bicep pulumi ansible jenkins github gitlab circleci argocd
        nginx haproxy envoy istio linkerd traefik consul etcd zookeeper vault prometheus grafana datadog splunk
        jaeger zipkin opentelemetry newrelic sentry pagerduty opsgenie kibana logstash fluentd loki
        aws azure gcp s3 ec2 ecs eks aks gke lambda cloudfront cloudflare akamai fastly
        grpc graphql protobuf avro thrift json yaml http https http2 http3 tcp udp tls ssl quic websocket websockets
        oauth oauth2 oidc jwt saml ldap kerberos mtls
        java kotlin scala golang rust python ruby php c# c++ typescript javascript nodejs dotnet csharp erlang elixir
        spring django flask rails fastapi aspnet efcore hibernate dapper linq entityframework
        junit xunit nunit pytest jest mocha selenium playwright cypress k6 jmeter gatling locust
        celery sidekiq hangfire quartz resilience4j polly hystrix
        git linux bash systemd cron openapi swagger postman
        """);

    /// <summary>Units that make a number a measurement ("200 ms", "3 replicas", "40 %").</summary>
    public static readonly FrozenSet<string> Units = Words("""
        ms msec millisecond milliseconds s sec secs second seconds min mins minute minutes h hr hrs hour hours
        day days week weeks month months year years % percent pct x times k m b kb mb gb tb pb kib mib gib tib
        rps qps tps rpm req reqs request requests user users customer customers node nodes server servers instance
        instances replica replicas shard shards partition partitions thread threads connection connections core cores
        cpu cpus vcpu vcpus pod pods container containers message messages event events record records row rows
        transaction transactions call calls job jobs engineer engineers developer developers team teams service
        services million millions billion billions thousand thousands dollars usd eur
        """);

    /// <summary>Irregular past-tense verbs that, with "I"/"we", signal first-hand experience.</summary>
    public static readonly FrozenSet<string> IrregularPastTense = Words("""
        built rebuilt wrote rewrote ran led made chose found took saw went did had was were got gave brought bought
        caught taught thought kept left lost meant met paid put said sent shut sold spent stood told understood won
        drove broke began became fell felt grew knew set cut split shipped hit held
        """);

    /// <summary>Words that are not past tense although they end in "ed".</summary>
    public static readonly FrozenSet<string> NotPastTense = Words("need speed feed seed bleed proceed exceed succeed breed embed");

    /// <summary>First-person words.</summary>
    public static readonly FrozenSet<string> FirstPerson = Words("i we our ours us my me mine i'm i've i'd we're we've we'd ourselves myself");

    /// <summary>Phrases (token sequences) per signal. Matched on lowercase unstemmed words.</summary>
    public static readonly FrozenDictionary<string, string[][]> TradeOffPhrases = Phrases(
        "but", "however", "instead", "whereas", "although", "though", "tradeoff", "tradeoffs", "trade off", "trade offs",
        "downside", "downsides", "drawback", "drawbacks", "at the cost of", "on the other hand", "versus", "vs",
        "the catch", "compromise", "pros and cons", "in exchange for", "at the expense of", "rather than");

    public static readonly FrozenDictionary<string, string[][]> CausalPhrases = Phrases(
        "because", "so that", "therefore", "thus", "hence", "due to", "as a result", "which means", "in order to",
        "that's why", "that is why", "since", "otherwise", "this means", "which meant", "caused by", "leads to", "led to");

    public static readonly FrozenDictionary<string, string[][]> ExamplePhrases = Phrases(
        "for example", "for instance", "e g", "such as", "in one case", "in my last", "in my previous", "at my last",
        "at my previous", "in our case", "one time", "last year", "a case where", "like when", "in production",
        "we had", "i had", "in a project", "on a project");

    /// <summary>Whole answers made only of these words are a non-answer ("I don't know", "skip", "no idea").</summary>
    public static readonly FrozenSet<string> NonAnswerWords = Words("""
        i i'm im don't dont do not know no idea clue sorry skip pass next none n a na unsure sure honestly really idk dunno
        the this that question one answer have am can't cannot can say remember recall please let's lets move on
        we it is any at all right now ok okay hmm um uh nope nothing to add rather prefer would like
        """);

    /// <summary>At least one of these must be present for a short answer to count as a non-answer.</summary>
    public static readonly FrozenSet<string> NonAnswerKeys = Words("know idk dunno idea clue skip pass next none na unsure remember recall nothing nope");

    /// <summary>
    /// Stems of very common content words ("use", "make", "value", "function"): a general-purpose stand-in for
    /// inverse document frequency. In a reference answer they weigh less than the words that carry its meaning.
    /// </summary>
    public static readonly FrozenSet<string> CommonStems = Stems("""
        thing things way ways time times people make makes made making use uses used using get gets got getting go
        goes going know knows take takes took taken see come think look want give gives given find tell work works
        working call calls called try ask need needs needed feel become leave put mean means keep keeps let begin seem
        help show run runs move like live bring happen write provide provides include includes including continue set
        learn change lead understand follow stop create creates created speak read allow allows allowed add spend grow
        open win offer remember consider appear wait serve send expect build stay fall reach remain suggest pass
        require requires report decide pull good new first last long great little own old right big high different
        small large next early important few bad same able certain simple specific whole general possible real sure
        usual usually basically actually really just simply example part parts number numbers kind kinds type types lot
        case cases point fact place end form order level problem result results step steps value values data
        information function functions method methods code program programs something anything everything someone
        one two
        """);

    /// <summary>Filler around a copied question ("good question, well, basically…").</summary>
    public static readonly FrozenSet<string> Filler = Words("""
        question questions great good interesting nice well hmm ok okay so basically answer asked thanks thank sure yes
        """);

    /// <summary>Generic words in knowledge-area names that carry little meaning on their own ("eviction policy").</summary>
    public static readonly FrozenSet<string> GenericAreaWords = Words("""
        policy policies strategy strategies handling management approach approaches design considerations
        basics concept concepts mechanism mechanisms technique techniques practice practices pattern patterns
        understanding knowledge experience awareness trade tradeoffs detection analysis usage selection choice options
        fundamentals details
        """);

    private static FrozenSet<string> Words(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> Stems(string text)
    {
        Span<char> buffer = stackalloc char[AnswerTokens.MaxWordLength];
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            word.AsSpan().CopyTo(buffer);
            stems.Add(new string(buffer[..LightStemmer.Stem(buffer[..word.Length])]));
        }

        return stems.ToFrozenSet(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string[][]> Phrases(params string[] phrases) =>
        phrases
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[64];
        foreach (var group in SynonymGroups)
        {
            string? canonical = null;
            foreach (var word in group.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                word.AsSpan().CopyTo(buffer);
                var stemmed = new string(buffer[..LightStemmer.Stem(buffer[..word.Length])]);
                canonical ??= stemmed;
                map.TryAdd(stemmed, canonical);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
