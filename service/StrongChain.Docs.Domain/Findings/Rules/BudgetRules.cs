using System.Globalization;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>经费预算: the issuer funds the work, support within the round's ratio, the split and the items add up to the total.</summary>
internal static class BudgetRules
{
    /// <summary>Amounts are stated to 0.01 万元: anything closer counts as equal.</summary>
    private const decimal Tolerance = 0.005m;

    public static void Apply(RuleContext context)
    {
        var values = context.Values;
        var total = values.Amount("budget.total");
        var issuer = values.Amount("budget.issuerFunds");
        if (!values.IsMalformed("budget.issuerFunds") && issuer is not > 0)
        {
            context.Error("budget.issuerFunds", FindingCodes.IssuerFundsMissing);
        }

        // Empty own funds or support count as 0 (the template shows 0.00); a malformed one stops the sums.
        var partsReadable = !values.IsMalformed("budget.applicantFunds") && !values.IsMalformed("budget.requestedSupport");
        var applicant = values.Amount("budget.applicantFunds") ?? 0m;
        var support = values.Amount("budget.requestedSupport") ?? 0m;

        if (issuer is { } funds && partsReadable && support >= 0)
        {
            // Support has at most two decimals, so comparing with the exact limit rounds the limit down to 0.01.
            var limit = context.Round.SupportRatio * (funds + applicant);
            if (support > limit)
            {
                context.Error("budget.requestedSupport", FindingCodes.SupportRatioExceeded, args: RuleContext.Args(
                    ("ratio", (context.Round.SupportRatio * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%"),
                    ("max", RuleContext.Amount(Math.Floor(Math.Max(limit, 0m) * 100m) / 100m))));
            }
        }

        if (total is { } sum && issuer is { } issuerFunds && partsReadable)
        {
            var split = issuerFunds + applicant + support;
            if (Math.Abs(split - sum) >= Tolerance)
            {
                context.Error("budget.total", FindingCodes.BudgetSplitMismatch, args: RuleContext.Args(("sum", RuleContext.Amount(split))));
            }
        }

        var items = values.ItemsOf("budgetItems");
        var amounts = items.Select(i => values.Amount($"budgetItems[{i}].amount")).ToList();
        if (total is { } budget && amounts.Count > 0 && amounts.All(a => a is not null))
        {
            var itemsSum = amounts.Sum(a => a!.Value);
            if (Math.Abs(itemsSum - budget) >= Tolerance)
            {
                context.Error("budgetItems", FindingCodes.BudgetSumMismatch, args: RuleContext.Args(("sum", RuleContext.Amount(itemsSum)), ("total", RuleContext.Amount(budget))));
            }
        }
    }
}
