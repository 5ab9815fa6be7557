using System.Globalization;
using StrongChain.Docs.Domain.Consortia;

namespace StrongChain.Docs.Domain.Tests.Consortia;

/// <summary>The rounding rule of docs/decisions.md: ratio × joint investment, at most the support asked for, down to 0.01 万元.</summary>
public sealed class FundingSupportTests
{
    [Theory]
    [InlineData("0.30", "400.00", "100.00", "100.00")] // the ratio allows 120: what was asked for is the ceiling
    [InlineData("0.30", "400.00", "150.00", "120.00")] // asked for more than the ratio allows: the ratio is the ceiling
    [InlineData("0.30", "333.33", "200.00", "99.99")]  // 99.999 is rounded down, never up to 100.00
    [InlineData("0.25", "0.03", "1.00", "0.00")]      // 0.0075 rounds down to nothing
    [InlineData("0.3333", "300.00", "500.00", "99.99")]
    [InlineData("0", "400.00", "100.00", "0")]
    [InlineData("0.30", "0", "100.00", "0")]
    public void Support_is_the_ratio_of_the_joint_investment_capped_by_the_request_and_rounded_down(string ratio, string joint, string requested, string expected)
    {
        var amount = FundingSupport.Amount(decimal.Parse(ratio, CultureInfo.InvariantCulture), decimal.Parse(joint, CultureInfo.InvariantCulture),
            decimal.Parse(requested, CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), amount);
    }
}
