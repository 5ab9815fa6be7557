using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Findings;

public sealed class DeclarationRulesTests
{
    [Theory]
    [InlineData("decl.independentLegalPerson")]
    [InlineData("decl.firstCooperation")]
    [InlineData("decl.goodStanding")]
    [InlineData("decl.truthful")]
    public void Unchecked_declaration_is_an_eligibility_error(string tag)
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Tick(tag, false));

        var finding = FindingAssert.Single(check, FindingCodes.DeclarationUnchecked, tag);
        Assert.False(check.Eligible);
        Assert.StartsWith("请阅读并勾选承诺事项“", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_declaration_control_counts_as_unchecked()
    {
        var finding = FindingAssert.Single(TestData.Check(FilledFormBuilder.Valid().Remove("decl.truthful")), FindingCodes.DeclarationUnchecked, "decl.truthful");

        Assert.Null(finding.Ordinal);
    }

    [Theory]
    [InlineData("无")]
    [InlineData(" 无。")]
    [InlineData("None")]
    [InlineData("NONE.")]
    [InlineData("")]
    public void No_prior_cooperation_is_fine(string text) =>
        FindingAssert.None(TestData.Check(FilledFormBuilder.Valid().Text("priorCooperation", text)));

    [Theory]
    [InlineData("2019年曾为发榜企业提供检测服务。")]
    [InlineData("无合作协议，但曾参加其技术交流会")]
    [InlineData("有")]
    public void Declared_prior_cooperation_is_a_warning_for_staff(string text)
    {
        var check = TestData.Check(FilledFormBuilder.Valid().Text("priorCooperation", text));

        var finding = FindingAssert.Single(check, FindingCodes.PriorCooperationDeclared, "priorCooperation");
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.True(check.Complete);
    }
}
