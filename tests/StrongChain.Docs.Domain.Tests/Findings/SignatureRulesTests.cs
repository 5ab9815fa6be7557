using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class SignatureRulesTests
{
    [Theory]
    [InlineData("sign.legalRepresentative")]
    [InlineData("sign.date")]
    public void Empty_signature_field_is_required(string path) =>
        FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Placeholder(path)), FindingCodes.Required, path);

    [Fact]
    public void Missing_seal_is_a_warning()
    {
        var check = TestData.Check(FilledFormBuilder.Valid().NoSeal());

        var finding = FindingAssert.Single(check, FindingCodes.SealMissing, "sign.seal");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(check.Complete);
    }

    [Theory]
    [InlineData("2020-12-29")]
    [InlineData("2021-02-10")]
    [InlineData("2021年2月10日")]
    public void Signing_date_inside_the_window_is_fine(string date) =>
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("sign.date", date)));

    [Theory]
    [InlineData("2020-12-28")]
    [InlineData("2021-02-11")]
    public void Signing_date_outside_the_window_is_out_of_range(string date)
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Text("sign.date", date)), FindingCodes.OutOfRange, "sign.date");

        Assert.Contains("2020-12-29", finding.Message, StringComparison.Ordinal);
        Assert.Contains("2021-02-10", finding.Message, StringComparison.Ordinal);
    }
}
