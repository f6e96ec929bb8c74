using ScreeningBot.Dialogs.Compliance;
using static ScreeningBot.Dialogs.Compliance.RaceEthnicityCategory;
using static ScreeningBot.Dialogs.Compliance.SexCategory;

namespace ScreeningBot.Dialogs.Tests.Compliance;

/// <summary>
/// The adverse-impact arithmetic on a seeded data set whose figures are worked out by hand below, as a bias auditor would.
/// </summary>
public sealed class AdverseImpactTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 28 screened candidates:
    /// <code>
    /// sex              race/ethnicity        n  recommended
    /// Female           White                 4  1
    /// Female           Asian                 3  1
    /// Female           Black                 3  1
    /// Male             White                 4  3
    /// Male             Asian                 3  2
    /// Male             Black                 2  0
    /// Male             Hispanic or Latino    3  1
    /// Another gender   prefer not to say     2  2
    /// prefer not       White                 3  1
    /// (not answered)   (not answered)        1  0
    /// </code>
    /// </summary>
    private static IReadOnlyList<ImpactCandidate> Seeded() =>
    [
        .. Many(4, 1, Female, White), .. Many(3, 1, Female, Asian), .. Many(3, 1, Female, BlackOrAfricanAmerican),
        .. Many(4, 3, Male, White), .. Many(3, 2, Male, Asian), .. Many(2, 0, Male, BlackOrAfricanAmerican), .. Many(3, 1, Male, HispanicOrLatino),
        .. Many(2, 2, AnotherGender, RaceEthnicityCategory.PreferNotToSay), .. Many(3, 1, SexCategory.PreferNotToSay, White), .. Many(1, 0, null, null),
    ];

    [Fact]
    public void Compute_BySex_RatesAgainstTheHighestJudgedGroupAndFlagsBelowFourFifths()
    {
        var report = AdverseImpact.Compute(Seeded(), notYetScored: 2, "backend-senior", From, To, minimumGroupSize: 5);

        // Female: 3 of 10 = 0.30; Male: 6 of 12 = 0.50, the highest; Female's ratio 0.30 / 0.50 = 0.60 < 0.8.
        // Another gender: 2 candidates, under 5: counted, not judged. Unknown: 3 preferred not to say + 1 not answered.
        var sex = report.Recommended.Tables[0];
        Assert.Equal("Sex", sex.Dimension);
        Assert.Equal(4, sex.Unknown);
        Assert.Equal("Male", sex.HighestGroup);
        AssertGroup(sex, "Female", 10, 3, 0.30, 0.60, flagged: true);
        AssertGroup(sex, "Male", 12, 6, 0.50, 1.00, flagged: false);
        AssertSuppressed(sex, "Non-binary or another gender", 2, 2);
        Assert.Equal(28, report.Candidates);
        Assert.Equal(2, report.NotYetScored);
        Assert.Equal(28, report.Recommended.Candidates);
    }

    [Fact]
    public void Compute_ByRaceEthnicity_RatesAgainstTheHighestJudgedGroupAndFlagsBelowFourFifths()
    {
        var report = AdverseImpact.Compute(Seeded(), notYetScored: 0, null, From, To, minimumGroupSize: 5);

        // White: 1 + 3 + 1 = 5 of 4 + 4 + 3 = 11 = 0.4545…; Asian: 1 + 2 = 3 of 6 = 0.50, the highest;
        // Black: 1 of 5 = 0.20. Ratios: White 0.4545… / 0.5 = 0.9090…; Black 0.2 / 0.5 = 0.40 < 0.8.
        // Hispanic or Latino: 3, under 5. Unknown: 2 preferred not to say + 1 not answered.
        var race = report.Recommended.Tables[1];
        Assert.Equal("Race/ethnicity", race.Dimension);
        Assert.Equal(3, race.Unknown);
        Assert.Equal("Asian", race.HighestGroup);
        AssertGroup(race, "White", 11, 5, 5.0 / 11, 10.0 / 11, flagged: false);
        AssertGroup(race, "Asian", 6, 3, 0.50, 1.00, flagged: false);
        AssertGroup(race, "Black or African American", 5, 1, 0.20, 0.40, flagged: true);
        AssertSuppressed(race, "Hispanic or Latino", 3, 1);
        Assert.Equal(["Hispanic or Latino", "White", "Black or African American", "Asian"], race.Groups.Select(g => g.Group)); // the EEO-1 order; empty groups left out
    }

    [Fact]
    public void Compute_Intersections_AllUnderTheMinimum_AreCountedButNotJudged()
    {
        var report = AdverseImpact.Compute(Seeded(), notYetScored: 0, null, From, To, minimumGroupSize: 5);

        var both = report.Recommended.Tables[2];
        Assert.Equal("Sex and race/ethnicity", both.Dimension);
        Assert.All(both.Groups, g => Assert.True(g.Suppressed));
        Assert.Null(both.HighestGroup);
        Assert.Equal(7, both.Groups.Count);
        Assert.Equal(6, both.Unknown); // 2 + 3 + 1: one of the two answers missing
    }

    [Fact]
    public void Compute_Intersections_WithASmallerMinimum_AreJudgedAgainstTheHighest()
    {
        var report = AdverseImpact.Compute(Seeded(), notYetScored: 0, null, From, To, minimumGroupSize: 3);

        // Male and White: 3 of 4 = 0.75, the highest. Female and White 0.25 / 0.75 = 0.333…; Male and Asian 0.666… / 0.75
        // = 0.888…; Male and Black (2) stays under 3.
        var both = report.Recommended.Tables[2];
        Assert.Equal("Male, White", both.HighestGroup);
        AssertGroup(both, "Female, White", 4, 1, 0.25, 1.0 / 3, flagged: true);
        AssertGroup(both, "Female, Asian", 3, 1, 1.0 / 3, 4.0 / 9, flagged: true);
        AssertGroup(both, "Male, Asian", 3, 2, 2.0 / 3, 8.0 / 9, flagged: false);
        AssertGroup(both, "Male, Hispanic or Latino", 3, 1, 1.0 / 3, 4.0 / 9, flagged: true);
        AssertSuppressed(both, "Male, Black or African American", 2, 0);
    }

    [Theory]
    [InlineData(4, false)] // 4 / 5 = 0.80 against 5 / 5: exactly four fifths is not below it
    [InlineData(3, true)] // 0.60
    public void Compute_ImpactRatioAtTheBoundary_FlagsOnlyBelowFourFifths(int femaleSelected, bool flagged)
    {
        var candidates = Many(5, femaleSelected, Female, White).Concat(Many(5, 5, Male, White)).ToArray();

        var sex = AdverseImpact.Compute(candidates, 0, null, From, To, minimumGroupSize: 5).Recommended.Tables[0];

        Assert.Equal(flagged, sex.Groups.Single(g => g.Group == "Female").BelowFourFifths);
    }

    [Fact]
    public void Compute_NobodySelected_HasRatesButNoRatiosAndNoFlags()
    {
        var sex = AdverseImpact.Compute([.. Many(6, 0, Female, White), .. Many(6, 0, Male, White)], 0, null, From, To, 5).Recommended.Tables[0];

        Assert.All(sex.Groups, g =>
        {
            Assert.Equal(0, g.SelectionRate);
            Assert.Null(g.ImpactRatio);
            Assert.False(g.BelowFourFifths);
        });
    }

    [Fact]
    public void Compute_NoHumanDecisions_LeavesThatMeasureOut_AndWithDecisionsCountsOnlyTheDecided()
    {
        Assert.Null(AdverseImpact.Compute(Seeded(), 0, null, From, To, 5).Advanced);

        // 6 women decided (3 advanced), 5 men decided (5 advanced), 2 men not decided yet.
        var decided = Many(6, 0, Female, White, advanced: 3).Concat(Many(5, 0, Male, White, advanced: 5)).Concat(Many(2, 2, Male, White)).ToArray();
        var advanced = AdverseImpact.Compute(decided, 0, null, From, To, 5).Advanced!;

        Assert.Equal(11, advanced.Candidates);
        AssertGroup(advanced.Tables[0], "Female", 6, 3, 0.50, 0.50, flagged: true);
        AssertGroup(advanced.Tables[0], "Male", 5, 5, 1.00, 1.00, flagged: false);
    }

    private static IEnumerable<ImpactCandidate> Many(int count, int selected, SexCategory? sex, RaceEthnicityCategory? race, int? advanced = null) =>
        Enumerable.Range(0, count).Select(i => new ImpactCandidate(sex, race, i < selected, advanced is { } a ? i < a : null));

    private static void AssertGroup(ImpactTable table, string group, int count, int selected, double rate, double ratio, bool flagged)
    {
        var row = Assert.Single(table.Groups, g => g.Group == group);
        Assert.False(row.Suppressed, $"{group} should be judged");
        Assert.Equal(count, row.Count);
        Assert.Equal(selected, row.Selected);
        Assert.Equal(rate, row.SelectionRate!.Value, 9);
        Assert.Equal(ratio, row.ImpactRatio!.Value, 9);
        Assert.Equal(flagged, row.BelowFourFifths);
    }

    private static void AssertSuppressed(ImpactTable table, string group, int count, int selected)
    {
        var row = Assert.Single(table.Groups, g => g.Group == group);
        Assert.True(row.Suppressed);
        Assert.Equal((count, selected), (row.Count, row.Selected));
        Assert.Null(row.SelectionRate);
        Assert.Null(row.ImpactRatio);
        Assert.False(row.BelowFourFifths);
    }
}
