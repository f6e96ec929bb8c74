using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.Drafting;

/// <summary>
/// Recognises questions about protected characteristics (age, sex and gender, race and ethnicity, religion, disability
/// and health, pregnancy and family, marital status, sexual orientation, nationality and citizenship, political views,
/// union membership), which a knockout or any drafted question must never ask. The legal right to work is the one
/// exception: "may you work in the country without a sponsored visa?" is allowed, "what is your nationality?" is not.
/// Deliberately broad: a false alarm costs a reviewer one look, a miss costs a candidate a fair screen.
/// </summary>
internal static partial class ProtectedCharacteristics
{
    /// <summary>The protected characteristic <paramref name="text"/> asks about (e.g. "age"), or null when it asks about none.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var (name, pattern) in Patterns)
        {
            if (pattern.IsMatch(text))
            {
                return name;
            }
        }

        // Citizenship is a lawful question only as part of the right to work ("citizen or work permit holder?").
        return Citizenship().IsMatch(text) && !RightToWork().IsMatch(text) ? "nationality or citizenship" : null;
    }

    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("age", Age()),
        ("sex or gender", Gender()),
        ("race or ethnicity", Race()),
        ("religion", Religion()),
        ("disability or health", Health()),
        ("pregnancy or family plans", Family()),
        ("marital status", Marital()),
        ("sexual orientation", Orientation()),
        ("nationality or national origin", Nationality()),
        ("political views", Politics()),
        ("trade union membership", Union()),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b((your|their|candidate'?s?|minimum|maximum) age|age (limit|range|requirement|between|under|over|of)|aged \d|how old|years old|year of birth|date of birth|birth ?date|born (in|before|after)|young|younger|youthful|retirement|digital natives?|recent graduates? only|graduated (after|before|in) (19|20)\d\d)\b", Options)]
    private static partial Regex Age();

    [GeneratedRegex(@"\b(gender|sex|male|female|man(?!-in)|woman|men|women|he/him|she/her|pronouns?|transgender)\b", Options)]
    private static partial Regex Gender();

    [GeneratedRegex(@"\b(race(?! conditions?)|racial|ethnic\w*|skin colou?r|colou?r of (your )?skin|caucasian|hispanic|latin[oax])\b", Options)]
    private static partial Regex Race();

    [GeneratedRegex(@"\b(religio\w*|church|mosque|synagogue|faith|pray\w*|christian|muslim|jewish|hindu|buddhist|sabbath|holy days?)\b", Options)]
    private static partial Regex Religion();

    [GeneratedRegex(@"\b((your|physical|mental) health(?!\s*-?(checks?|probes?|endpoints?))|health (conditions?|issues?|problems?|insurance)|medical (conditions?|history|issues?)|disab\w*|handicap\w*|medication|illness\w*|sick (leave|days?)|impairment|wheelchair|able-bodied|chronic(ally)? ill)\b", Options)]
    private static partial Regex Health();

    [GeneratedRegex(@"\b(pregnan\w*|maternity|paternity|(your|have|having|any) (children|kids)|child ?care|family plans?|start(ing)? a family|plan(s|ning)? (for|to have) (children|kids))\b", Options)]
    private static partial Regex Family();

    [GeneratedRegex(@"\b(married|marriage|marital|spouse|husband|wife|divorc\w*|widow\w*)\b", Options)]
    private static partial Regex Marital();

    [GeneratedRegex(@"\b(sexual\w*|sexual orientation|gay|lesbian|bisexual|heterosexual|lgbt\w*)\b", Options)]
    private static partial Regex Orientation();

    [GeneratedRegex(@"\b(nationality|nationalities|national origin|country of (origin|birth)|where (are|were) you (from|born)|native[- ](speaker|english|language|german|french|spanish)|mother tongue|first language (is|spoken)|accent|passport|ancestry|immigra\w*)\b", Options)]
    private static partial Regex Nationality();

    [GeneratedRegex(@"\b(politic(s|al)|party member\w*)\b", Options)]
    private static partial Regex Politics();

    [GeneratedRegex(@"\b(trade union|union member\w*|labou?r union)\b", Options)]
    private static partial Regex Union();

    [GeneratedRegex(@"\b(citizen\w*|green card)\b", Options)]
    private static partial Regex Citizenship();

    [GeneratedRegex(@"\b(right to work|work(ing)? (permit|authori[sz]ation|visa)|(authori[sz]ed|allowed|eligible|entitled|permitted) to work|visa sponsorship|sponsor\w*)\b", Options)]
    private static partial Regex RightToWork();
}
