using StrongChain.Docs.Domain.Review;

namespace StrongChain.Docs.Domain.Tests.Review;

public sealed class ConflictRulesTests
{
    private const string IssuerCode = "91110108MA01C8QX20";
    private static readonly DemandIssuers Demand = new("D1", new Party(IssuerCode, "示例发榜公司"), ["示例联合发榜公司", "另一联合发榜公司"]);
    private static readonly ApplicationParties Application = new("A1", "D1", "D1-0001", new Party("121100004000012K7W", "示例大学"),
        [new Party("123100004250013X8G", "示例研究院"), new Party(null, "无代码合作社")]);

    [Fact]
    public void Joint_issuer_known_only_by_name_conflicts_by_name_ignoring_spaces_and_width()
    {
        var conflicts = ConflictRules.For(new Party("91110108MA0199901R", " 示例联合发榜公司 "), Demand, [Application]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(Conflict.CoIssuer, conflict.Kind);
        Assert.Null(conflict.ApplicationId);
    }

    [Fact]
    public void Credit_codes_decide_when_both_sides_have_one_even_if_the_names_differ()
    {
        Assert.Equal(Conflict.Issuer, Assert.Single(ConflictRules.For(new Party(IssuerCode, "别名"), Demand, [])).Kind);
        Assert.Empty(ConflictRules.For(new Party("91110108MA0199901R", "示例发榜公司"), Demand, []));
    }

    [Fact]
    public void Co_applicant_without_a_code_conflicts_by_name_and_names_the_application()
    {
        var conflict = Assert.Single(ConflictRules.For(new Party("91110108MA0199901R", "无代码合作社"), Demand, [Application]));

        Assert.Equal(Conflict.CoApplicant, conflict.Kind);
        Assert.Equal("D1-0001", conflict.ReceiptNo);
    }

    [Fact]
    public void Prior_agreement_with_the_same_issuer_flags_each_shared_party_but_not_the_applications_own_agreement()
    {
        var earlier = new ApplicationParties("A0", "D0", "D0-0001", new Party("123100004250013X8G", "示例研究院"), []);
        PastAgreement[] agreements =
        [
            new("XY-D0-0001", "D0", new Party(IssuerCode, "示例发榜公司"), earlier),
            new("XY-D1-0001", "D1", new Party(IssuerCode, "示例发榜公司"), Application),
            new("XY-D9-0001", "D9", new Party("91110108MA0199901R", "别的公司"), earlier),
        ];

        var flags = PriorCooperationRules.For(Application, Demand.Issuer, agreements);

        var flag = Assert.Single(flags);
        Assert.Equal(("co-applicant", "XY-D0-0001"), (flag.Role, flag.AgreementId));
    }
}
