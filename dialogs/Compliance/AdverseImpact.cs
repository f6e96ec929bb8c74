using Humanizer;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// The arithmetic of the adverse-impact report: per group, selection rate = selected / candidates; impact ratio = the group's
/// rate / the highest rate among groups with at least the minimum number of candidates; flagged below four fifths (0.8).
/// Groups smaller than the minimum are counted but not judged. Unknown answers (not given, prefer not to say) are left out
/// of a dimension and counted apart. Pure and deterministic.
/// </summary>
public static class AdverseImpact
{
    /// <summary>The EEOC "four-fifths" rule: an impact ratio below this suggests adverse impact worth a closer look.</summary>
    public const double FourFifths = 0.8;

    public static AdverseImpactReport Compute(
        IReadOnlyList<ImpactCandidate> candidates, int notYetScored, string? profileId, DateTimeOffset from, DateTimeOffset to, int minimumGroupSize)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(notYetScored);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumGroupSize, 1);
        var recommended = Measure("recommended Yes or Strong Yes by the screening bot", candidates, c => c.Recommended, minimumGroupSize);
        var decided = candidates.Where(c => c.Advanced is not null).ToArray();
        var advanced = decided.Length == 0 ? null : Measure("advanced by a person", decided, c => c.Advanced == true, minimumGroupSize);
        return new AdverseImpactReport(profileId, from, to, minimumGroupSize, candidates.Count, notYetScored, recommended, advanced);
    }

    /// <summary>How a category is written in the report ("Black or African American").</summary>
    public static string Label(SexCategory category) => category switch
    {
        SexCategory.AnotherGender => "Non-binary or another gender",
        _ => category.Humanize(LetterCasing.Sentence),
    };

    /// <inheritdoc cref="Label(SexCategory)"/>
    public static string Label(RaceEthnicityCategory category) => category switch
    {
        RaceEthnicityCategory.HispanicOrLatino => "Hispanic or Latino",
        RaceEthnicityCategory.BlackOrAfricanAmerican => "Black or African American",
        RaceEthnicityCategory.NativeHawaiianOrPacificIslander => "Native Hawaiian or Pacific Islander",
        RaceEthnicityCategory.AmericanIndianOrAlaskaNative => "American Indian or Alaska Native",
        _ => category.Humanize(LetterCasing.Sentence),
    };

    private static ImpactMeasure Measure(string selection, IReadOnlyList<ImpactCandidate> candidates, Func<ImpactCandidate, bool> selected, int minimum)
    {
        var sexes = Enum.GetValues<SexCategory>().Where(s => s != SexCategory.PreferNotToSay).ToArray();
        var races = Enum.GetValues<RaceEthnicityCategory>().Where(r => r != RaceEthnicityCategory.PreferNotToSay).ToArray();
        var bySex = Table("Sex", candidates, selected, minimum, sexes.Select(s => (Label(s), (Func<ImpactCandidate, bool>)(c => c.Sex == s))), c => Known(c.Sex));
        var byRace = Table("Race/ethnicity", candidates, selected, minimum, races.Select(r => (Label(r), (Func<ImpactCandidate, bool>)(c => c.RaceEthnicity == r))), c => Known(c.RaceEthnicity));
        var both = Table(
            "Sex and race/ethnicity",
            candidates,
            selected,
            minimum,
            sexes.SelectMany(s => races.Select(r => ($"{Label(s)}, {Label(r)}", (Func<ImpactCandidate, bool>)(c => c.Sex == s && c.RaceEthnicity == r)))),
            c => Known(c.Sex) && Known(c.RaceEthnicity));
        return new ImpactMeasure(selection, candidates.Count, [bySex, byRace, both]);
    }

    private static ImpactTable Table(
        string dimension,
        IReadOnlyList<ImpactCandidate> candidates,
        Func<ImpactCandidate, bool> selected,
        int minimum,
        IEnumerable<(string Label, Func<ImpactCandidate, bool> Member)> groups,
        Func<ImpactCandidate, bool> known)
    {
        var counted = groups
            .Select(g => (g.Label, Members: candidates.Where(g.Member).ToArray()))
            .Where(g => g.Members.Length > 0)
            .Select(g => (g.Label, Count: g.Members.Length, Selected: g.Members.Count(selected)))
            .ToArray();
        var judged = counted.Where(g => g.Count >= minimum).ToArray();
        var highest = judged.Length == 0 ? ((string Label, int Count, int Selected)?)null : judged.MaxBy(g => (double)g.Selected / g.Count);
        var highestRate = highest is { } h ? (double)h.Selected / h.Count : 0;
        var rows = counted.Select(g =>
        {
            if (g.Count < minimum)
            {
                return new ImpactGroup(g.Label, g.Count, g.Selected, null, null, Suppressed: true, BelowFourFifths: false);
            }

            var rate = (double)g.Selected / g.Count;
            double? ratio = highestRate > 0 ? rate / highestRate : null;
            return new ImpactGroup(g.Label, g.Count, g.Selected, rate, ratio, Suppressed: false, BelowFourFifths: ratio < FourFifths);
        }).ToArray();
        return new ImpactTable(dimension, rows, candidates.Count(c => !known(c)), highest?.Label);
    }

    private static bool Known(SexCategory? category) => category is { } c && c != SexCategory.PreferNotToSay;

    private static bool Known(RaceEthnicityCategory? category) => category is { } c && c != RaceEthnicityCategory.PreferNotToSay;
}
