using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Consortia;

public sealed class ConsortiumComposerTests
{
    private static readonly SignedCopy Copy = new("XY-QL2020-BM-02-0001-v1-countersigned.pdf", "application/pdf", 3, new string('a', 64),
        new DateTimeOffset(2021, 3, 10, 2, 0, 0, TimeSpan.Zero), "staff");

    private static Consortium Compose(FilledFormBuilder? builder = null)
    {
        var check = TestData.Check(builder ?? FilledFormBuilder.Valid());
        return ConsortiumComposer.Compose(check.Record, TestData.Demand, TestData.Round,
            new ConsortiumRequest("XY-QL2020-BM-02-0001", 2, "app-1", 3, Copy));
    }

    [Fact]
    public void Parties_by_credit_code_and_role_are_the_agreements_parties()
    {
        var consortium = Compose();

        Assert.Equal("LHT-QL2020-BM-02-0001", consortium.Id);
        Assert.Equal(("XY-QL2020-BM-02-0001", 2, "app-1", 3), (consortium.AgreementId, consortium.AgreementVersion, consortium.ApplicationId, consortium.ApplicationVersion));
        Assert.Equal(
            [("甲方", "发榜企业", TestData.Demand.Issuer, (string?)null), ("乙方", "牵头揭榜单位", FilledFormBuilder.LeadName, FilledFormBuilder.LeadCode),
                ("丙方", "联合揭榜单位", FilledFormBuilder.CoName, FilledFormBuilder.CoCode)],
            consortium.Parties.Select(p => (p.Role, p.Capacity, p.Name, p.CreditCode)));
        Assert.Equal(("2020-01", "QL2020-BM-02", "生物医药"), (consortium.RoundId, consortium.DemandId, consortium.Sector));
    }

    [Fact]
    public void Funding_budget_items_dates_and_milestones_come_from_the_application()
    {
        var consortium = Compose();

        var f = consortium.Funding;
        Assert.Equal((500m, 300m, 100m, 400m, 0.30m, 100m, 100m),
            (f.AgreedBudget, f.IssuerFunds, f.ApplicantFunds, f.JointInvestment, f.SupportRatio, f.RequestedSupport, f.SupportAmount));
        Assert.Equal([new("设备费", 200m), new("材料费", 150m), new("劳务费", 150m)], consortium.Funding.Items);
        Assert.Equal((new DateOnly(2021, 4, 1), new DateOnly(2023, 3, 31)), (consortium.Start, consortium.End));
        Assert.Equal([new ConsortiumMilestone(1, "原理样机", new DateOnly(2022, 3, 31), "原理样机1台"),
            new ConsortiumMilestone(2, "工程样机", new DateOnly(2023, 3, 31), "工程样机及第三方测试报告")], consortium.Milestones);
        Assert.Equal(Copy, consortium.SignedCopy);
    }

    /// <summary>The form's rules flag such a request (support-ratio-exceeded); an agreement signed anyway still gets no more than the ratio.</summary>
    [Fact]
    public void Support_follows_the_rounds_ratio_when_the_request_is_higher_than_the_ratio_allows()
    {
        var consortium = Compose(FilledFormBuilder.Valid().Budget("533.33", "300.00", "33.33", "200.00", "533.33"));

        Assert.Equal(333.33m, consortium.Funding.JointInvestment);
        Assert.Equal(200m, consortium.Funding.RequestedSupport);
        Assert.Equal(99.99m, consortium.Funding.SupportAmount);
    }
}
