using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class BudgetRulesTests
{
    [Fact]
    public void Support_of_exactly_30_percent_is_allowed()
    {
        // (70 + 30) × 0.30 = 30.00
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Budget("130.00", "70.00", "30.00", "30.00", "130.00")));
    }

    [Fact]
    public void Support_one_cent_over_30_percent_is_exceeded()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Budget("130.01", "70.00", "30.00", "30.01", "130.01"));

        var finding = FindingAssert.Single(check, FindingCodes.SupportRatioExceeded, "budget.requestedSupport");
        Assert.Contains("30%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("30.00万元", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Support_limit_is_rounded_down_to_the_cent()
    {
        // (33.35 + 0) × 0.30 = 10.005: 10.00 fits, 10.01 does not.
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Budget("43.35", "33.35", "0", "10.00", "43.35")));
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Budget("43.36", "33.35", "0", "10.01", "43.36")), FindingCodes.SupportRatioExceeded, "budget.requestedSupport");
    }

    [Fact]
    public void Support_ratio_is_a_round_setting()
    {
        var round = TestData.Round with { SupportRatio = 0.20m };

        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid(), round: round), FindingCodes.SupportRatioExceeded, "budget.requestedSupport");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("")]
    public void Issuer_funds_of_zero_or_none_are_missing(string issuer)
    {
        // Keep the split consistent: the applicant funds what the issuer does not.
        var form = FilledFormBuilder.Valid().Budget("500.00", issuer, "400.00", "100.00", "500.00");
        if (issuer.Length == 0)
        {
            form.Placeholder("budget.issuerFunds");
        }

        var check = TestData.Check(form);

        var finding = FindingAssert.Single(check, FindingCodes.IssuerFundsMissing, "budget.issuerFunds");
        Assert.Contains("谁出题谁出资", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Total_of_zero_is_out_of_range()
    {
        var form = FilledFormBuilder.Valid().Budget("0", "0.01", "0", "0", "0.01").Text("budget.total", "0");

        var findings = TestData.Check(form).Findings;

        Assert.Contains(findings, f => f.Code == FindingCodes.OutOfRange && f.Field == "budget.total");
    }

    [Fact]
    public void Empty_total_is_required()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder("budget.total")), FindingCodes.Required, "budget.total");
    }

    [Theory]
    [InlineData("budget.applicantFunds")]
    [InlineData("budget.requestedSupport")]
    public void Negative_parts_are_out_of_range(string path)
    {
        var form = path == "budget.applicantFunds"
            ? FilledFormBuilder.Valid().Budget("290.00", "300.00", "-10.00", "0", "290.00")
            : FilledFormBuilder.Valid().Budget("290.00", "300.00", "0", "-10.00", "290.00");

        FindingAssert.Single(TestData.Check(form), FindingCodes.OutOfRange, path);
    }

    [Fact]
    public void Empty_own_funds_and_support_count_as_zero()
    {
        var form = FilledFormBuilder.Valid().Budget("300.00", "300.00", "", "", "300.00")
            .Placeholder("budget.applicantFunds").Placeholder("budget.requestedSupport");

        FindingAssert.None(TestData.Check(form));
    }

    [Fact]
    public void Split_not_adding_up_to_the_total_is_a_mismatch()
    {
        var form = FilledFormBuilder.Valid().Text("budget.applicantFunds", "99.99");

        FindingAssert.Single(TestData.Check(form), FindingCodes.BudgetSplitMismatch, "budget.total");
    }

    [Fact]
    public void Items_not_adding_up_to_the_total_are_a_mismatch()
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("budgetItems[2].amount", "149.99")), FindingCodes.BudgetSumMismatch, "budgetItems");

        Assert.Equal(("budgetItems", 0), (finding.Tag, finding.Ordinal));
    }

    [Fact]
    public void Amounts_in_other_notations_still_add_up()
    {
        var form = FilledFormBuilder.Valid().Text("budget.total", "５００万元").Text("budgetItems[0].amount", "200万").Text("budgetItems[1].amount", "１５０");

        FindingAssert.None(TestData.Check(form));
    }

    [Fact]
    public void Budget_without_items_is_required()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().ClearItems("budgetItems")), FindingCodes.Required, "budgetItems");
    }

    [Fact]
    public void Item_needs_a_category_from_the_list_and_a_positive_amount()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder("budgetItems[0].category")), FindingCodes.Required, "budgetItems[0].category");
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("budgetItems[0].category", "办公费")), FindingCodes.Format, "budgetItems[0].category");
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Budget("500.00", "300.00", "100.00", "100.00", "500.00", "0")), FindingCodes.OutOfRange, "budgetItems[1].amount");
    }

    [Fact]
    public void Item_note_is_optional()
    {
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Placeholder("budgetItems[0].note")));
    }

    [Fact]
    public void Amount_with_three_decimals_is_a_format_error_and_stops_the_sums()
    {
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("budgetItems[0].amount", "200.001")), FindingCodes.Format, "budgetItems[0].amount");
    }
}
