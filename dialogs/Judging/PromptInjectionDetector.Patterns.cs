using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>The patterns, matched on folded text (lowercase ASCII look-alikes), and the trigger words that gate them.</summary>
internal static partial class PromptInjectionDetector
{
    // Source-generated backtracking regexes. The patterns are linear in practice: every loop is bounded or
    // consumes a literal word per turn, they run on windows around trigger words, and the text is bounded by the
    // caller. No match timeout: a timeout is wall-clock time, and a verdict must not depend on machine load
    // (tests/ScreeningBot.Dialogs.Tests/RegexDeterminismTests.cs).
    // In this mode whitespace in a pattern is ignored and # starts a comment: write \s and \#.
    private const RegexOptions Options = RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.Multiline;
    private const int NoTimeout = Timeout.Infinite;

    private static readonly Regex[] Patterns =
    [
        InstructionOverridePattern(), ScoreRequestPattern(), RolePlayPattern(), FakeRoleMarkerPattern(), JudgmentJsonPattern(),
        ForeignInstructionPattern(), GraderCommentPattern(), AddressedNotePattern(), ScoreClaimPattern(), PleaPattern(),
    ];

    /// <summary>The finding each of <see cref="Patterns"/> reports.</summary>
    private static readonly string[] PatternFindings =
    [
        InstructionOverride, ScoreRequest, RolePlay, FakeRoleMarker, JudgmentJson, ForeignInstruction, GraderComment,
        AddressedNote, ScoreClaim, Plea,
    ];

    private const int FakeRolePatternIndex = 3;
    private const int ForeignPatternIndex = 5;
    private const int ScoreClaimPatternIndex = 8;

    /// <summary>
    /// Words are looked up by their first <see cref="TriggerKeyLength"/> letters, so "ignoring" and "instructions"
    /// find the triggers "ignore" and "instruction".
    /// </summary>
    private const int TriggerKeyLength = 5;

    /// <summary>
    /// How far around a trigger word a pattern is matched. Whitespace runs are folded to one character and every
    /// loop in the patterns is bounded, so no match is longer than about 300 characters; a match must contain one
    /// of its pattern's trigger words, so it lies inside the window of that word.
    /// </summary>
    private const int WindowMargin = 400;

    /// <summary>Per pattern, how far around a trigger its matches reach (the newer patterns' matches are short).</summary>
    private static readonly int[] WindowMargins = [WindowMargin, WindowMargin, WindowMargin, WindowMargin, WindowMargin, WindowMargin, 200, 250, 200, 200];

    /// <summary>
    /// Per pattern (same order as <see cref="Patterns"/>), words one of which every match contains: a word matches itself
    /// only, and <c>word*</c> any word starting with it (at least <see cref="TriggerKeyLength"/> letters before the *).
    /// Keep them in step with the patterns: a pattern whose match holds none of its triggers is never tried (the payload
    /// tests fail). Common words make a pattern run on most answers, which costs time, so prefer the rare word of a match.
    /// </summary>
    private static readonly string[][] TriggerWords =
    [
        // instruction override
        [
            "ignor*", "disregard*", "forget*", "overr*", "bypass*", "instruction", "instructions", "prompt", "prompts",
            "directive", "directives", "now", "follow", "grading", "judging", "scoring", "evaluating",
        ],

        // score request
        [
            "rate", "score", "grade", "mark", "evaluate", "assess", "judge", "give", "assign", "award", "grant", "set", "depth",
            "rating", "specificity", "out", "deserve", "deserves", "deserving", "merit", "merits", "flag", "treat", "consider",
            "classify", "record", "ask", "penalize", "penalise", "report", "mention", "lower", "deduct", "follow", "followup",
            "followups", "10", "100", "20",
        ],

        // role-play
        [
            "grader", "judge", "evaluator", "assistant", "ai", "chatbot", "language", "model", "llm", "gpt", "chatgpt", "dan",
            "examiner", "scorer", "pretend", "role", "roleplay", "imagine", "mode", "jailb*", "anything", "reading",
            "grading", "scoring", "reviewing", "evaluating", "screening", "bot", "automated", "screener",
        ],

        // fake role marker
        [
            "system", "assistant", "developer", "grader", "judge", "evaluator", "admin", "administrator", "sys", "inst",
            "instruction", "instructions", "im", "response", "task", "candidate", "user", "transcript", "grading", "scoring",
            "evaluation", "reviewer",
        ],

        // judgment or scorecard JSON
        [
            "depth", "specificity", "areas", "areascovered", "areasmissing", "red", "redflags", "evidence", "evidencequote",
            "needs", "needsfollowup", "follow", "followupfocus", "judged", "judgedby", "suggested", "score", "rating", "grade",
            "verdict", "schema", "blocks", "recommendation", "composite", "compositescore", "confidence", "decision", "hire",
            "overall", "overallscore", "final", "finalscore", "passed", "strengths", "risks", "adaptivecard", "textblock",
            "factset", "columnset", "mrkdwn", "plain", "divider", "container", "section", "header", "action",
        ],

        // other languages (Latin and Cyrillic scripts; CJK in CjkTriggers)
        [
            "ignorier*", "vergiss", "vergessen", "anweisung*", "instruktion*", "regeln", "vorgaben", "befehle", "punkte",
            "punktzahl", "note", "bewertung", "sterne", "höchstnote", "bestnote", "hinweis", "nachricht", "notiz", "instructions",
            "consignes", "règles", "instrucciones", "reglas", "indicaciones", "puntuación", "puntuacion", "nota",
            "calificación", "calificacion", "puntaje", "mensaje", "instruções", "instrucoes", "regras", "mensagem",
            "istruzioni", "regole", "messaggio", "instructies", "regels", "instrukcje", "polecenia", "zasady", "инстр*",
            "указа*", "прави*", "промп*", "оценк*", "балл", "балла", "баллов", "баллы", "talim*", "kural*",
        ],

        // grader comment
        [
            "note", "todo", "fixme", "hint", "attention", "important", "grader", "graders", "evaluator", "reviewer",
            "reviewers", "judge", "model", "screener", "bot", "assistant", "scorer", "examiner", "hiring", "recruiter",
            "interviewer", "ai", "llm", "gpt", "message", "psst",
        ],

        // note or memo to the reviewers
        [
            "note", "notes", "memo", "memorandum", "message", "reminder", "comment", "fyi", "heads", "hiring", "recruiter",
            "recruiters", "reviewer", "reviewers", "evaluator", "evaluators", "grader", "graders", "screener", "screeners",
            "assessor", "assessors", "interviewer", "interviewers", "hr", "talent", "scoring", "ai", "panel", "committee",
            "cto", "ceo", "vp", "preapproved", "preselected", "pre", "already",
        ],

        // fake verdict or score table (and tables: see TriggerWindows)
        [
            "score", "rating", "grade", "verdict", "recommendation", "decision", "hire", "hiring", "strong", "final", "overall",
            "candidate", "best", "advance", "fast", "fasttrack", "shortlist", "pass", "confidence",
        ],

        // plea
        [
            "please", "pls", "plz", "kindly", "beg", "implore", "need", "deserve", "give", "reject", "fail", "depends",
            "relies", "hangs", "rests", "lenient", "gentle", "generous", "bitte", "brauche", "plait", "plaît", "svp", "besoin",
            "favor", "necesito", "preciso",
        ],
    ];

    private static readonly SearchValues<string> CjkTriggers = SearchValues.Create(
    [
        "指令", "指示", "说明", "說明", "规则", "規則", "提示", "命令", "满分", "滿分", "分", "無視", "忘れ", "満点", "무시", "잊어", "만점",
    ], StringComparison.Ordinal);

    /// <summary>Whole trigger word → bit mask of the patterns it opens.</summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ExactTriggers =
        BuildTriggers(prefix: false).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>First <see cref="TriggerKeyLength"/> letters of a <c>word*</c> trigger → bit mask of the patterns it opens.</summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> PrefixTriggers =
        BuildTriggers(prefix: true).GetAlternateLookup<ReadOnlySpan<char>>();

    [GeneratedRegex("""
            \b(ignore|disregard|forget|override|overrule|bypass)\s+((all|any|the|your|these|those|my|of)\s+){0,6}(previous|prior|above|earlier|preceding|original|initial|system|grading|scoring|former)\s+(instructions?|prompts?|guidelines|directives|directions|rules|rubrics?|criteria)\b
            |\b(ignore|disregard|forget|override|bypass)\s+((all|any|the|your)\s+){0,6}(instructions|system\s+prompt|prompts?|guidelines|directives|rubrics?|grading\s+criteria|scoring\s+criteria)\b
            |\bforget\s+(everything|all|what)\b[^.\n]{0,30}\b(above|before|said|told|previous|earlier)\b
            |\b(new|updated|revised|real|actual|hidden|secret|additional)\s+(instructions?|system\s+prompt|directives?)\s*[:\-]
            |\byou\s+(must|will|should|shall)\s+now\b
            |\bfrom\s+now\s+on\b[^.\n]{0,40}\byou\b
            |\bdo\s+not\s+follow\s+(the|your|any)\s+(previous|prior|above|original|system|grading)\b
            |\binstead\s+of\s+(grading|judging|scoring|evaluating)\b
        """, Options, NoTimeout)]
    private static partial Regex InstructionOverridePattern();

    [GeneratedRegex("""
            \b(rate|score|grade|mark|evaluate|assess|judge)\s+(me|it|this|(this|my|the|that)\s+(answer|response|reply|submission|candidate))\b[^.\n]{0,30}\b(5|five|10|ten|100|full|maximum|max|perfect|highest)\b
            |\b(give|assign|award|grant|set)\b[^.\n]{0,30}\b(5|five|10|ten|100|5\.0|full|perfect|maximum|max|highest|top)\s*(/\s*(5|10|100)\b|out\s+of\b|marks?\b|score\b|depth\b|rating\b|grade\b)
            |\b(depth|score|grade|specificity|rating)\s*(should|must|=|:|is|will\s+be|needs\s+to\s+be)\s*(be\s+)?(a\s+)?(5|five|10|100|5\.0|max|maximum|full|perfect)\b
            |\b(5|five|10|ten)\s+out\s+of\s+(5|five|10|ten)\b
            |\b(10\s*/\s*10|100\s*/\s*100|20\s*/\s*20)\b
            |\b(deserves?|deserving|merits?)\b[^.\n]{0,20}\b(5|five|10|ten|full\s+(marks|score|points)|top\s+(score|marks)|perfect\s+score|maximum\s+(score|marks|points|grade|rating)|highest\s+(score|grade|rating))\b
            |\b(mark|flag|treat|consider|classify|record)\s+(this|the\s+answer|my\s+answer|me|it)\s+as\s+(correct|perfect|excellent|complete|strong|passed|expert|a\s+pass)\b
            |\b(do\s+not|don't|dont|never)\s+(ask|flag|penalize|penalise|report|mention|lower|deduct)\b[^.\n]{0,30}\b(follow-?\s?ups?|red\s+flags?|injection|this\s+answer|my\s+answer|points)\b
            |\bno\s+follow-?\s?ups?\s+(is\s+|are\s+)?(needed|required|necessary)\b
        """, Options, NoTimeout)]
    private static partial Regex ScoreRequestPattern();

    [GeneratedRegex("""
            \byou\s+are\s+(now\s+|no\s+longer\s+|actually\s+)?((a|an|the|my)\s+)?(\w{1,30}\s+){0,2}(grader|judge|evaluator|assistant|ai|chatbot|language\s+model|llm|gpt|chatgpt|dan|examiner|scorer)\b
            |\b(act|behave|respond|function)\s+as\s+(if\s+you\s+(are|were)\s+)?((a|an|the|my)\s+)?(\w{1,30}\s+){0,2}(grader|judge|evaluator|ai|assistant|chatbot|language\s+model|llm|examiner|scorer)\b
            |\bpretend\s+(to\s+be|you\s+are|you're|that\s+you)\b
            |\brole[-\s]?play\b
            |\bimagine\s+(that\s+)?you\s+are\s+(a|an|the)\b
            |\b(developer|god|admin|sudo|jailbreak|dan|unrestricted)\s+mode\b
            |\bjailbr(eak|oken)
            |\bdo\s+anything\s+now\b
            |\b(hey|hi|hello|dear|attention)\s+(ai|grader|judge|evaluator|model|assistant|chatgpt|gpt|llm|scorer|examiner)\b
            |\b(ai|llm|gpt|chatgpt|grader|evaluator|judge|scorer)\s*[,:]\s*(please\s+)?(you|ignore|rate|score|give|grade|mark|consider)\b
            |\b(whoever|anyone|anybody|ai|model|system|bot|llm|person)\s+(is\s+|who\s+is\s+)?(reading|grading|scoring|reviewing|evaluating|screening)\s+(this|these|my)\b
            |\bif\s+you\s+are\s+(an?\s+)?(ai|llm|language\s+model|gpt|chatbot|bot|automated\s+\w+|grader|evaluator|screener)\b
        """, Options, NoTimeout)]
    private static partial Regex RolePlayPattern();

    [GeneratedRegex("""
            ^[\s>*\#\-\[(<]{0,20}(system|assistant|developer|grader|judge|evaluator|admin|administrator|sys)(\s*(message|prompt|note|override|update|instructions?)){0,4}\s*[\])>]{0,5}\s*:
            |([.!?;]\s+|\s\s)(system|assistant|developer)(\s*(message|prompt|note|override|update)){0,4}\s*:
            |[\[<]\s*/?\s*(system|sys|inst|instructions?|assistant|developer|admin|im_start|im_end)\s*[\]>]
            |<\|[a-z_\s]{1,20}\|>
            |<<\s*/?\s*sys\s*>>
            |\#{2,10}\s*(system|instructions?|response|assistant|new\s+task)\b
            |\#{1,10}\s*(grading|scoring|evaluation|evaluator|grader|reviewer|judging|judge)\s+(instructions?|guidelines|rules|rubric|override|notes?)\b
            |^\s*(grading|scoring|evaluation|evaluator|grader|reviewer)\s+(instructions?|guidelines|override|notes?)\s*:
            |\bend\s+of\s+(the\s+)?(candidate('s)?\s+answer|user\s+input|transcript)\b
            |\bbegin\s+(system|admin|developer)\s+(prompt|message|instructions?)\b
        """, Options, NoTimeout)]
    private static partial Regex FakeRoleMarkerPattern();

    [GeneratedRegex("""
            ["'`]\s*(depth|specificity|areas_?covered|areas_?missing|red_?flags|evidence_?quote|needs_?follow_?up|follow_?up_?focus|judged_?by|suggested_?follow_?up)\s*["'`]\s*:
            |["'`]\s*(score|rating|grade|verdict)\s*["'`]\s*:\s*["']?(5|5\.0|10|100|five|max|perfect|excellent|strong)\b
            |["'`]\s*(recommendation|composite_?score|final_?score|overall_?score|decision|hire|verdict|passed|strengths|risks|confidence)\s*["'`]\s*:
            |["'`]\s*type\s*["'`]\s*:\s*["'`]\s*(adaptivecard|textblock|factset|columnset|container|action\.\w{1,20}|section|mrkdwn|plain_text|header|divider)\s*["'`]
            |["'`]\s*\$schema\s*["'`]\s*:\s*["'`][^"'`\n]{0,80}adaptivecards
            |["'`]\s*blocks\s*["'`]\s*:\s*\[
            |^\s*(depth|specificity)\s*[:=]\s*\d
            |^\s*(score|rating|grade)\s*[:=]\s*(5|10|100)\b
        """, Options, NoTimeout)]
    private static partial Regex JudgmentJsonPattern();

    [GeneratedRegex("""
            \b(ignorier\w{0,20}|vergiss|vergessen\s+sie)\b[^.\n]{0,40}\b(anweisung\w{0,20}|instruktion\w{0,20}|regeln|vorgaben|befehle)\b
            |\b(5|fünf|volle|höchste|maximale|beste)\s+(punkte|punktzahl|note|bewertung|sterne)\b|\b(höchstnote|bestnote|volle\s+punktzahl)\b
            |\b(hinweis|nachricht|notiz)\s+(an|für)\s+(den|die|das)?\s*(prüfer|pruefer|bewerter|personaler|recruiter|ki)\b
            |\b(ignore[zr]?|oublie[zr]?)\b[^.\n]{0,30}\b(les\s+)?(instructions\s+(précédentes|precedentes|ci-dessus)|consignes|règles)\b
            |\bnote\s+(de\s+)?(5|cinq|maximale)\b
            |\bnote\s+(pour|à|a)\s+(l'|le\s+|la\s+)?(évaluateur|evaluateur|correcteur|recruteur|ia)\b
            |\b(ignora|ignorar|ignore|olvida|olvide|olvidar)\b[^.\n]{0,30}\b(instrucciones|reglas|indicaciones)\b
            |\b(puntuación|puntuacion|nota|calificación|calificacion|puntaje)\s+(de\s+)?(5|cinco|10|diez|máxima|maxima|perfecta)\b
            |\b(nota|mensaje)\s+para\s+(el\s+|la\s+)?(evaluador|reclutador|corrector|ia)\b
            |\b(ignore|ignora|esqueça|esqueca)\b[^.\n]{0,30}\b(instruções|instrucoes|regras)\b
            |\b(nota|mensagem)\s+para\s+(o\s+|a\s+)?(avaliador|recrutador|ia)\b
            |\b(ignora|dimentica)\b[^.\n]{0,30}\b(istruzioni|regole)\b
            |\b(nota|messaggio)\s+per\s+(il\s+|la\s+|l')?(valutatore|selezionatore|recruiter|ia)\b
            |\b(negeer|vergeet)\b[^.\n]{0,30}\b(instructies|regels)\b
            |\b(zignoruj|zapomnij)\b[^.\n]{0,30}\b(instrukcje|polecenia|zasady)\b
            |(игнорир|проигнорир|забудь|забудьте|не\s+обращай)\w{0,20}[^.\n]{0,40}(инструкц|указани|правил|промпт)
            |(оценк|балл)\w{0,20}[^.\n]{0,15}(\b5\b|\b10\b|пять|десять|максимальн|высш)|\b(5|пять|10|десять)\s+балл
            |(忽略|无视|無視|忘记|忘記)[^。\n]{0,12}(指令|指示|说明|說明|规则|規則|提示|命令)
            |满分|滿分|给我?[^。\n]{0,4}[5五]分|打[5五]分
            |(指示|命令|ルール|プロンプト)[^。\n]{0,10}(無視|忘れ)|満点
            |(지시|명령|지침|규칙)[^.\n]{0,12}(무시|잊어)|만점
            |\b(talimat|kural)\w{0,20}[^.\n]{0,20}(yok\s+say|görmezden|unut)
        """, Options, NoTimeout)]
    private static partial Regex ForeignInstructionPattern();

    /// <summary>A code comment written to the grader: <c>// NOTE TO AI GRADER: …</c>, <c>&lt;!-- evaluator: … --&gt;</c>.</summary>
    [GeneratedRegex("""
            (//|/\*|<!--|\#|--|;;|\brem\b)\s*\**\s*((note|todo|fixme|hint|attention|important|nb|psst|message)\s*[:\-!,]?\s*)?(to|for)\s+(the\s+|any\s+|all\s+)?(ai\s+|llm\s+|automated\s+|human\s+)?(ai|llm|gpt|grader|graders|evaluator|reviewer|reviewers|judge|model|screener|bot|assistant|scorer|examiner|hiring\s+(manager|team)|recruiter|interviewer)\b
            |(//|/\*|<!--|\#|--|;;)\s*\**\s*(ai|llm|gpt|grader|evaluator|reviewer|judge|screener|scorer|examiner|hiring\s+(manager|team)|recruiter|interviewer)(\s+(note|only|instructions?))?\s*[:,!]
        """, Options, NoTimeout)]
    private static partial Regex GraderCommentPattern();

    /// <summary>
    /// A note, memo or greeting to the reviewers, or a claim of their authority: "Note for the evaluator from Dana
    /// (Hiring Manager): …", "Dear hiring team, …", "Hiring manager note: …", "this candidate was pre-approved". Each
    /// branch starts with its key word and checks what comes before it with a look-behind, so the search stays fast.
    /// </summary>
    [GeneratedRegex("""
            \b(note|notes|memo|memorandum|message|reminder|comment|fyi)(?<=(^|[.!?:;(\[])\s*(p\.?\s?s\.?\s*[:,\-]?\s*)?((a|an|my|one|quick|short|small|private|internal|important|confidential|final|personal)\s+){0,3}\w{3,10})\s+(to|for)\s+(the\s+|any\s+|all\s+|my\s+|our\s+|whoever\s+(is\s+)?)?((ai|automated|human|technical|final|next)\s+)?(grader|graders|evaluator|evaluators|reviewer|reviewers|assessor|assessors|judge|judges|examiner|examiners|scorer|screener|screening\s+(bot|system|tool|ai)|recruiter|recruiters|hiring\s+(manager|managers|team|committee|panel|lead)|interviewer|interviewers|hr|talent\s+(team|acquisition)|model|llm|ai|bot|assistant|reader|panel|committee)\b
            |\b(dear|hello|hi|hey|attention|greetings|to)(?<=(^|[.!?])\s*\w{2,9})\s+(the\s+|my\s+|our\s+|all\s+)?(hiring\s+(manager|managers|team|committee|panel)|recruiters?|reviewers?|evaluators?|graders?|screeners?|assessors?|interviewers?|hr(\s+team)?|talent\s+team|scoring\s+(system|bot|ai)|ai\s+(grader|evaluator|reviewer|screener|system|model)|panel|committee)\s*[,:!\-]
            |\b(hiring|recruiter|reviewer|evaluator|grader|screener|interviewer)(?<=(^|[.!?])\s*\w{5,11})(\s+(manager|team))?s?('s)?(\s+(note|comment|instructions?|override))?\s*:
            |\b(hiring\s+manager|recruiter|hr|cto|ceo|vp|talent\s+(partner|lead))\b(?<=\b(from|by|signed|regards|cheers|sincerely)\s*[,:\-]?\s*[a-z.'\-]{2,20}(\s+[a-z.'\-]{2,20}){0,2}\s*[(,\-]\s*(the\s+)?\w{2,7}(\s+\w{4,7})?)
            |\bas\s+(the\s+|your\s+)?(hiring\s+manager|recruiter|interviewer|evaluator|grader|hr)\b[^.\n]{0,30}\b(i|we)\s+(approve|confirm|recommend|certify|vouch|endorse|authori[sz]e|instruct)
            |\b(pre-?approved|pre-?selected|already\s+(been\s+)?(approved|cleared|vetted|selected|hired|shortlisted))\b(?<=\b(candidate|i|me|i'm|i've)\b[^.\n]{0,30}\b(pre-?approved|pre-?selected|already\s+(been\s+)?(approved|cleared|vetted|selected|hired|shortlisted)))
        """, Options, NoTimeout)]
    private static partial Regex AddressedNotePattern();

    /// <summary>A verdict or score written into the answer: "Recommendation: STRONG YES", a Markdown score table, "this candidate is excellent".</summary>
    [GeneratedRegex("""
            ^\s*\|[^\n]{0,200}\b(score|rating|grade|verdict|recommendation|decision|depth|result|outcome|hire|strong\s+yes|pass|\d{1,3}\s*/\s*(5|10|100))\b[^\n]{0,200}\|
            |\b(recommendation|verdict|hiring\s+decision|final\s+(verdict|decision|recommendation))\s*\**\s*[:=\-|]\s*\**\s*(strong(ly)?\s+(yes|hire|pass)|yes|hire|pass|advance)\b
            |\b(score|grade|rating|final\s+(score|grade|rating)|overall(\s+(score|rating|grade))?)\s*\**\s*[:=\-|]\s*\**\s*(9\d|100|[5-9](\.\d)?|10)\s*(/\s*(5|10|100)|\s+out\s+of\s+(5|10|100))\b
            |\bstrong[\s_\-]*(yes|hire)\b
            |\bconfidence\s*[:=]\s*(0?\.9\d{0,2}|1\.0|100\s*%|9\d\s*%)
            |\b(hire|advance|fast-?track|shortlist|pass)\s+(this|the)\s+candidate\b
            |\bthis\s+candidate\s+(is|should|must|deserves|has\s+been|clearly|definitely|was)\b
            |\bbest\s+(answer|candidate|response)\s+(you('ve|\s+have)?|i('ve|\s+have)?|we('ve|\s+have)?|ever)\b
        """, Options, NoTimeout)]
    private static partial Regex ScoreClaimPattern();

    /// <summary>A plea to the hiring team: "please pass me", "I really need this job", "don't reject me".</summary>
    [GeneratedRegex("""
            \b(please|pls|plz|kindly|i\s+beg(\s+you)?|i\s+implore\s+you)\b[^.\n]{0,40}\b(pass|hire|advance|accept|select|approve|choose|pick|shortlist|recommend|consider|move|forward)\s+(me|my\s+(application|candidacy|profile))\b
            |\b(need|deserve)\s+(this|the)\s+(job|role|position|offer|opportunity)\b(?<=\b(i|we)\s+(really\s+|desperately\s+|badly\s+|truly\s+|so\s+|urgently\s+)?\w{4,7}\s+\w{3,4}\s+\w{3,11})
            |\bgive\s+me\s+(a|the|this|one\s+more)\s+(chance|job|offer|shot|pass|try|good\s+(score|grade|mark|rating|review)|high\s+(score|grade|rating|mark)|positive\s+(review|rating|score))\b
            |\b(reject|fail)\s+me\b
            |\b(depends|relies|hangs|rests)\s+on\s+(this|it|getting|you)\b(?<=\bmy\s+(family|kids|children|visa|career|future|rent|life|job)\s+\w{5,7}\s+on\s+\w{2,7})
            |\b(lenient|gentle|generous)\s+(on|with)\s+me\b
            |\bbitte\b[^.\n]{0,30}\b(stellen\s+sie\s+mich\s+ein|nehmen\s+sie\s+mich|lassen\s+sie\s+mich\s+(bestehen|weiterkommen))
            |\bich\s+brauche\s+(diesen|den)\s+(job|arbeitsplatz|posten)\b
            |\b(s'il\s+vous\s+pla[iî]t|svp)\b[^.\n]{0,30}\b(embauchez|engagez|prenez|acceptez|choisissez)[\-\s]?moi\b
            |\bj'ai\s+(vraiment\s+)?besoin\s+de\s+ce\s+(poste|travail|job|boulot)\b
            |\bpor\s+favor\b[^.\n]{0,30}\b(contr[aá]tenme|contr[aá]teme|ac[eé]ptenme|apru[eé]benme|me\s+contratem|me\s+aprovem)\b
            |\b(necesito|preciso)\s+(de\s+)?(este|el|deste|desse|esse|o)\s+(trabajo|puesto|empleo|emprego|trabalho|cargo)\b
        """, Options, NoTimeout)]
    private static partial Regex PleaPattern();

    /// <summary>
    /// For each pattern, the ranges of the folded text worth matching: <see cref="WindowMargin"/> characters around
    /// every trigger word of the pattern, merged; null when the text has none (the usual case).
    /// </summary>
    private static List<(int Start, int End)>?[] TriggerWindows(ReadOnlySpan<char> folded)
    {
        var windows = new List<(int Start, int End)>?[Patterns.Length];
        if (folded.IndexOfAny(CjkTriggers) >= 0)
        {
            windows[ForeignPatternIndex] = [(0, folded.Length)];
        }

        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]))
            {
                i++;
            }

            var mask = ExactTriggers.TryGetValue(folded[start..i], out var exact) ? exact : 0;
            if (i - start >= TriggerKeyLength && PrefixTriggers.TryGetValue(folded[start..(start + TriggerKeyLength)], out var prefix))
            {
                mask |= prefix;
            }

            if (mask != 0)
            {
                AddWindows(windows, mask, start, i, folded.Length);
            }
        }

        // "<|im_start|>"-style chat-template tokens carry no trigger word.
        if (folded.IndexOf("<|", StringComparison.Ordinal) is var bar and >= 0)
        {
            AddWindow(windows, 1 << FakeRolePatternIndex, Math.Max(0, bar - WindowMargin), folded.Length);
        }

        // A Markdown table row is a line starting with |; its words may all be ordinary.
        if (folded.StartsWith("|") || folded.IndexOf("\n|", StringComparison.Ordinal) >= 0 || folded.IndexOf("\n |", StringComparison.Ordinal) >= 0)
        {
            AddWindow(windows, 1 << ScoreClaimPatternIndex, 0, folded.Length);
        }

        return windows;
    }

    private static void AddWindows(List<(int Start, int End)>?[] windows, int mask, int start, int end, int length)
    {
        for (var k = 0; k < windows.Length; k++)
        {
            if ((mask & (1 << k)) != 0)
            {
                AddWindow(windows, 1 << k, Math.Max(0, start - WindowMargins[k]), Math.Min(length, end + WindowMargins[k]));
            }
        }
    }

    private static void AddWindow(List<(int Start, int End)>?[] windows, int mask, int start, int end)
    {
        for (var k = 0; k < windows.Length; k++)
        {
            if ((mask & (1 << k)) == 0)
            {
                continue;
            }

            var list = windows[k] ??= [];
            if (list.Count > 0 && start <= list[^1].End)
            {
                list[^1] = (Math.Min(list[^1].Start, start), Math.Max(list[^1].End, end));
            }
            else
            {
                list.Add((start, end));
            }
        }
    }

    private static FrozenDictionary<string, int> BuildTriggers(bool prefix)
    {
        var masks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < TriggerWords.Length; k++)
        {
            foreach (var word in TriggerWords[k])
            {
                if (word.EndsWith('*') != prefix)
                {
                    continue;
                }

                var key = prefix ? word[..TriggerKeyLength] : word;
                masks[key] = masks.GetValueOrDefault(key) | (1 << k);
            }
        }

        return masks.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
