using System.Globalization;
using StrongChain.Docs.Domain.Findings;

namespace StrongChain.Docs.Domain.Review;

/// <summary>One scoring criterion of a round: scored 0–<see cref="ScoringCriteria.MaxScore"/>, weighted in percent.</summary>
public sealed record ScoringCriterion(string Key, string Name, decimal Weight)
{
    /// <summary>The workbook's column header: the name and its weight, e.g. “技术方案（30%）”.</summary>
    public string Header => string.Create(CultureInfo.InvariantCulture, $"{Name}（{Weight:0.##}%）");
}

/// <summary>The criteria a round's panels score by (a round setting); the defaults are documented in docs/decisions.md.</summary>
public static class ScoringCriteria
{
    public const decimal MaxScore = 100m;

    public static IReadOnlyList<ScoringCriterion> Default { get; } =
    [
        new("technical", "技术方案可行性与先进性", 30m),
        new("capability", "研发能力与基础", 25m),
        new("indicators", "技术指标可达性", 20m),
        new("budget", "经费预算合理性", 15m),
        new("industrialisation", "产业化与供应链前景", 10m),
    ];

    /// <summary>What is wrong with a set of criteria (empty when usable): keys unique and present, weights positive and summing to 100.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ScoringCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var problems = new List<string>();
        if (criteria.Count is 0 or > 20)
        {
            problems.Add("1 to 20 criteria");
        }

        if (criteria.Any(c => string.IsNullOrWhiteSpace(c.Key) || string.IsNullOrWhiteSpace(c.Name) || c.Weight <= 0))
        {
            problems.Add("every criterion needs a key, a name and a positive weight");
        }

        if (criteria.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != criteria.Count
            || criteria.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
        {
            problems.Add("keys and names are unique");
        }

        if (criteria.Sum(c => c.Weight) != 100m)
        {
            problems.Add("weights sum to 100");
        }

        return problems;
    }
}

/// <summary>One cell of a read score sheet: its Excel address and its text as Excel shows it.</summary>
public sealed record ScoreCell(string Address, string? Text);

/// <summary>One data row of a score sheet: the receipt number and a cell per criterion key (null when the column is missing).</summary>
public sealed record ScoreSheetRow(int RowNumber, ScoreCell ReceiptNo, IReadOnlyDictionary<string, ScoreCell> Scores);

/// <summary>A score workbook as read, free of any file format: its demand marker, the expert cell, the criteria columns found and the rows.</summary>
public sealed record ScoreSheet(string? DemandId, ScoreCell Expert, IReadOnlyList<string> MissingCriteria, IReadOnlyList<ScoreSheetRow> Rows, bool Readable = true);

/// <summary>One thing wrong (or worth saying) in an uploaded score sheet, with its cell.</summary>
public sealed record ScoreFinding(string? Cell, int Row, string Code, Severity Severity, string Message, string MessageEn);

/// <summary>One expert's score of one application on one criterion.</summary>
public sealed record Score(string ApplicationId, string CriterionKey, decimal Value);

public sealed record ScoreImport(string? ExpertId, IReadOnlyList<Score> Scores, IReadOnlyList<ScoreFinding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>The rules of a score sheet upload: all or nothing, every error on its cell.</summary>
public static class ScoreRules
{
    public static ScoreImport Check(ScoreSheet sheet, string demandId, IReadOnlyList<ScoringCriterion> criteria,
        IReadOnlyDictionary<string, string> applicationsByReceipt, IReadOnlySet<string> panel, string? uploaderExpertId)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(applicationsByReceipt);
        ArgumentNullException.ThrowIfNull(panel);
        var findings = new List<ScoreFinding>();
        if (!sheet.Readable)
        {
            findings.Add(new(null, 0, "unreadable-workbook", Severity.Error, "无法读取评分表，请使用本平台下载的评分表填写。",
                "The score sheet cannot be read: fill in the sheet this service gives out."));
            return new ScoreImport(null, [], findings);
        }

        if (!string.Equals(sheet.DemandId, demandId, StringComparison.Ordinal))
        {
            findings.Add(new(ScoringLayout.DemandCell, 1, "demand-mismatch", Severity.Error,
                $"评分表属于需求“{sheet.DemandId}”，不是需求“{demandId}”，请下载本需求的评分表。",
                $"The score sheet is for demand '{sheet.DemandId}', not '{demandId}': download this demand's sheet."));
        }

        var expert = sheet.Expert.Text?.Trim();
        if (string.IsNullOrEmpty(expert))
        {
            findings.Add(new(sheet.Expert.Address, 2, "expert-missing", Severity.Error, $"{sheet.Expert.Address}单元格（专家编号）为空，请填写评审专家编号。",
                $"{sheet.Expert.Address} (expert id) is blank: fill in the expert's id."));
        }
        else if (!panel.Contains(expert))
        {
            findings.Add(new(sheet.Expert.Address, 2, "expert-not-on-panel", Severity.Error, $"{sheet.Expert.Address}单元格的专家“{expert}”不在本需求的评审组中。",
                $"{sheet.Expert.Address}: expert '{expert}' is not on this demand's panel."));
        }
        else if (uploaderExpertId is not null && expert != uploaderExpertId)
        {
            findings.Add(new(sheet.Expert.Address, 2, "expert-mismatch", Severity.Error, $"{sheet.Expert.Address}单元格的专家“{expert}”不是当前登录的专家，只能上传本人的评分。",
                $"{sheet.Expert.Address}: expert '{expert}' is not the signed-in expert; upload your own scores only."));
        }

        foreach (var key in sheet.MissingCriteria)
        {
            var name = criteria.FirstOrDefault(c => c.Key == key)?.Header ?? key;
            findings.Add(new(null, ScoringLayout.HeaderRow, "missing-column", Severity.Error, $"评分表缺少“{name}”列，请使用本平台下载的评分表。",
                $"The score sheet has no column '{name}': use the sheet this service gives out."));
        }

        var scores = new List<Score>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var receipt = row.ReceiptNo.Text?.Trim();
            if (string.IsNullOrEmpty(receipt) && row.Scores.Values.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }

            if (string.IsNullOrEmpty(receipt) || !applicationsByReceipt.TryGetValue(receipt, out var applicationId))
            {
                findings.Add(new(row.ReceiptNo.Address, row.RowNumber, "unknown-application", Severity.Error,
                    $"{row.ReceiptNo.Address}单元格的受理编号“{receipt}”不是本需求的申报，请勿修改受理编号列。",
                    $"{row.ReceiptNo.Address}: receipt '{receipt}' is no application to this demand; do not change the receipt column."));
                continue;
            }

            if (!seen.TryAdd(receipt, row.RowNumber))
            {
                findings.Add(new(row.ReceiptNo.Address, row.RowNumber, "duplicate-application", Severity.Error,
                    $"{row.ReceiptNo.Address}单元格的受理编号“{receipt}”与第{seen[receipt]}行重复。",
                    $"{row.ReceiptNo.Address}: receipt '{receipt}' repeats row {seen[receipt]}."));
                continue;
            }

            foreach (var criterion in criteria.Where(c => row.Scores.ContainsKey(c.Key)))
            {
                var cell = row.Scores[criterion.Key];
                var text = cell.Text?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    findings.Add(new(cell.Address, row.RowNumber, "score-missing", Severity.Error, $"{cell.Address}单元格（{criterion.Name}）未打分，请填写0到100之间的分数。",
                        $"{cell.Address} ({criterion.Name}) has no score: enter a score from 0 to 100."));
                }
                else if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    findings.Add(new(cell.Address, row.RowNumber, "score-not-a-number", Severity.Error, $"{cell.Address}单元格（{criterion.Name}）“{text}”不是数字，请填写0到100之间的分数。",
                        $"{cell.Address} ({criterion.Name}): '{text}' is not a number; enter a score from 0 to 100."));
                }
                else if (value is < 0 or > ScoringCriteria.MaxScore || decimal.Round(value, 2) != value)
                {
                    findings.Add(new(cell.Address, row.RowNumber, "score-out-of-range", Severity.Error, $"{cell.Address}单元格（{criterion.Name}）为{text}，超出范围，请填写0到100之间、最多两位小数的分数。",
                        $"{cell.Address} ({criterion.Name}) is {text}, out of range: enter 0 to 100 with at most two decimals."));
                }
                else
                {
                    scores.Add(new Score(applicationId, criterion.Key, value));
                }
            }
        }

        foreach (var missing in applicationsByReceipt.Keys.Where(r => !seen.ContainsKey(r)).Order(StringComparer.Ordinal))
        {
            findings.Add(new(null, 0, "application-not-scored", Severity.Error, $"申报“{missing}”不在评分表中，请为每项申报打分。",
                $"Application '{missing}' is not in the score sheet: score every application."));
        }

        return new ScoreImport(expert, scores, findings);
    }
}

/// <summary>Where the score workbook keeps its marker cells (shared by the builder and the reader).</summary>
public static class ScoringLayout
{
    public const string SheetName = "评分表";
    public const string DemandCell = "B1";
    public const string ExpertCell = "B2";
    public const int HeaderRow = 4;
    public const string ReceiptHeader = "受理编号";
    public const string OrganisationHeader = "申报单位";
    public const string CommentHeader = "评审意见";
}

/// <summary>One expert's scores of one application (all criteria), as stored.</summary>
public sealed record ExpertScores(string ExpertId, string ApplicationId, IReadOnlyDictionary<string, decimal> Scores);

/// <summary>An application's aggregated scores within its demand.</summary>
public sealed record ScoreResult(
    string ApplicationId, string ReceiptNo, string Organisation, int ExpertCount, IReadOnlyDictionary<string, decimal> CriterionMeans,
    decimal? WeightedTotal, decimal? Spread, int? Rank);

/// <summary>Aggregation per demand: per-criterion means, the mean of the experts' weighted totals, their spread (max − min), and rank.</summary>
public static class ScoreAggregation
{
    public static IReadOnlyList<ScoreResult> Aggregate(IReadOnlyList<ScoringCriterion> criteria,
        IReadOnlyList<(string ApplicationId, string ReceiptNo, string Organisation)> applications, IReadOnlyList<ExpertScores> scores)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(scores);
        var results = applications.Select(a =>
        {
            // An expert's sheet counts only when it scores every criterion (an import is all or nothing, so it always does).
            var mine = scores.Where(s => s.ApplicationId == a.ApplicationId && criteria.All(c => s.Scores.ContainsKey(c.Key))).ToList();
            if (mine.Count == 0)
            {
                return new ScoreResult(a.ApplicationId, a.ReceiptNo, a.Organisation, 0, new Dictionary<string, decimal>(), null, null, null);
            }

            var totals = mine.Select(s => criteria.Sum(c => s.Scores[c.Key] * c.Weight) / 100m).ToList();
            var means = criteria.ToDictionary(c => c.Key, c => Round(mine.Average(s => s.Scores[c.Key])), StringComparer.Ordinal);
            return new ScoreResult(a.ApplicationId, a.ReceiptNo, a.Organisation, mine.Count, means, Round(totals.Average()), Round(totals.Max() - totals.Min()), null);
        }).ToList();

        // Competition ranking (1, 1, 3) by weighted total; unscored applications have no rank and come last.
        var ranked = results.Where(r => r.WeightedTotal is not null).OrderByDescending(r => r.WeightedTotal).ThenBy(r => r.ReceiptNo, StringComparer.Ordinal).ToList();
        var output = new List<ScoreResult>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && ranked[i].WeightedTotal == ranked[i - 1].WeightedTotal ? output[i - 1].Rank : i + 1;
            output.Add(ranked[i] with { Rank = rank });
        }

        output.AddRange(results.Where(r => r.WeightedTotal is null).OrderBy(r => r.ReceiptNo, StringComparer.Ordinal));
        return output;
    }

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
