using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Review;

namespace StrongChain.Docs.Domain.Tests.Review;

public sealed class ScoringTests
{
    private static readonly ScoringCriterion[] Two = [new("a", "甲", 60m), new("b", "乙", 40m)];

    [Fact]
    public void Default_criteria_are_usable_and_bad_ones_are_named()
    {
        Assert.Empty(ScoringCriteria.Problems(ScoringCriteria.Default));
        Assert.Contains("weights sum to 100", ScoringCriteria.Problems([new("a", "甲", 60m)]));
        Assert.Contains("keys and names are unique", ScoringCriteria.Problems([new("a", "甲", 50m), new("a", "乙", 50m)]));
    }

    [Fact]
    public void Aggregation_gives_means_weighted_total_spread_and_competition_ranks()
    {
        (string, string, string)[] applications = [("x", "R-0001", "X"), ("y", "R-0002", "Y"), ("z", "R-0003", "Z"), ("w", "R-0004", "W")];
        ExpertScores[] scores =
        [
            new("e1", "x", new Dictionary<string, decimal> { ["a"] = 80, ["b"] = 70 }), // 76
            new("e2", "x", new Dictionary<string, decimal> { ["a"] = 100, ["b"] = 100 }), // 100
            new("e1", "y", new Dictionary<string, decimal> { ["a"] = 85, ["b"] = 80 }), // 83
            new("e1", "z", new Dictionary<string, decimal> { ["a"] = 85, ["b"] = 80 }), // 83
        ];

        var results = ScoreAggregation.Aggregate(Two, applications, scores);

        Assert.Equal(["x", "y", "z", "w"], results.Select(r => r.ApplicationId));
        Assert.Equal([1, 2, 2, (int?)null], results.Select(r => r.Rank));
        var x = results[0];
        Assert.Equal((88m, 24m, 90m, 2), (x.WeightedTotal!.Value, x.Spread!.Value, x.CriterionMeans["a"], x.ExpertCount));
        Assert.Null(results[3].WeightedTotal);
    }

    [Fact]
    public void Score_rules_report_each_bad_cell_and_keep_nothing_of_a_sheet_with_errors()
    {
        var sheet = new ScoreSheet("D1", new ScoreCell("B2", "e1"), [], [
            new ScoreSheetRow(5, new ScoreCell("A5", "R-0001"), new Dictionary<string, ScoreCell> { ["a"] = new("C5", "100.5"), ["b"] = new("D5", "88") }),
            new ScoreSheetRow(6, new ScoreCell("A6", "R-0001"), new Dictionary<string, ScoreCell> { ["a"] = new("C6", "1"), ["b"] = new("D6", "1") }),
        ]);

        var import = ScoreRules.Check(sheet, "D1", Two, new Dictionary<string, string> { ["R-0001"] = "x" }, new HashSet<string> { "e1" }, "e1");

        Assert.True(import.HasErrors);
        Assert.Equal([("C5", "score-out-of-range"), ("A6", "duplicate-application")], import.Findings.Select(f => (f.Cell, f.Code)));
        Assert.All(import.Findings, f => Assert.Equal(Severity.Error, f.Severity));
    }
}
