using StrongChain.Docs.Domain.Agreements;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Domain.Tests.Support;

namespace StrongChain.Docs.Domain.Tests.Agreements;

public sealed class AgreementComposerTests
{
    private static readonly AgreementRequest Request = new("XY-QL2020-BM-02-0001", 1, "QL2020-BM-02-0001", new DateOnly(2021, 3, 1));

    private static ApplicationRecord Record(FilledFormBuilder? builder = null)
    {
        var check = TestData.Check(builder ?? FilledFormBuilder.Valid());
        Assert.True(check.Complete && check.Eligible, "The sample form should be complete and eligible.");
        return check.Record;
    }

    private static AgreementContent Compose(ApplicationRecord? record = null) =>
        AgreementComposer.Compose(record ?? Record(), TestData.Demand, TestData.Round, Request);

    private static string AllText(AgreementContent content) => string.Join("\n", content.Sections.SelectMany(s => s.Blocks.OfType<AgreementParagraph>().Select(p => p.Text)));

    [Fact]
    public void Issuer_is_party_A_the_lead_applicant_B_and_the_joint_applicant_C_with_their_codes()
    {
        var parties = Compose().Parties;

        Assert.Equal(["甲方", "乙方", "丙方"], parties.Select(p => p.Role));
        Assert.Equal(TestData.Demand.Issuer, parties[0].Name);
        Assert.Equal((FilledFormBuilder.LeadName, FilledFormBuilder.LeadCode, "北京市海淀区中关村大街1号", "张明"),
            (parties[1].Name, parties[1].CreditCode, parties[1].Address, parties[1].Representative));
        Assert.Equal((FilledFormBuilder.CoName, FilledFormBuilder.CoCode, "负责力控算法研究与系统集成测试"), (parties[2].Name, parties[2].CreditCode, parties[2].Task));
    }

    [Fact]
    public void Articles_are_numbered_after_the_unnumbered_recitals_and_end_with_the_signature_blocks()
    {
        var content = Compose();

        Assert.Equal("鉴于", content.Sections[0].Heading);
        Assert.Equal("第一条　合作内容", content.Sections[1].Heading);
        Assert.Equal("第十一条　其他", content.Sections[^1].Heading);
        var signatures = Assert.IsType<AgreementSignatures>(content.Sections[^1].Blocks[^1]);
        Assert.Equal(3, signatures.Parties.Count);
    }

    [Fact]
    public void Investment_of_each_party_and_the_support_ratio_come_from_the_budget()
    {
        var text = AllText(Compose());

        // 300 + 100 jointly invested, 100 asked: 25% of the joint investment, within the round's 30%.
        Assert.Contains("本项目总预算500.00万元。其中，甲方投入300.00万元，揭榜方自筹100.00万元，申请管委会支持资金100.00万元。", text, StringComparison.Ordinal);
        Assert.Contains("共同研发投入为400.00万元，申请的支持资金占共同研发投入的25%，不超过本批次规定的支持比例30%", text, StringComparison.Ordinal);
        Assert.Equal(0.25m, AgreementComposer.SupportShare(Record().Budget));
    }

    [Fact]
    public void Term_milestones_and_indicators_are_the_applications()
    {
        var content = Compose();
        var text = AllText(content);
        var tables = content.Sections.SelectMany(s => s.Blocks.OfType<AgreementTable>()).ToList();

        Assert.Contains("研发期限自2021年4月1日起至2023年3月31日止，共24个月。", text, StringComparison.Ordinal);
        var indicators = tables.Single(t => t.Headers.Contains("指标名称"));
        Assert.Equal([["1", "定位精度", "≤0.5 mm"], ["2", "末端负载", "≥5 kg"]], indicators.Rows);
        var milestones = tables.Single(t => t.Headers.Contains("交付成果"));
        Assert.Equal(["2", "工程样机", "2023年3月31日", "工程样机及第三方测试报告"], milestones.Rows[1]);
        var tasks = tables.Single(t => t.Headers.Contains("承担任务"));
        Assert.Equal(["丙方", FilledFormBuilder.CoName, "负责力控算法研究与系统集成测试"], tasks.Rows[1]);
    }

    [Fact]
    public void Procurement_commitment_and_disputes_in_Beijing_are_in_the_wording()
    {
        var demand = TestData.Demand with { Procurement = "验收合格后首批采购20台。", CoIssuers = "示例联合发榜企业甲", CommittedVolume = "50台" };
        var text = AllText(AgreementComposer.Compose(Record(), demand, TestData.Round, Request));

        Assert.Contains("甲方承诺将研发成果产品纳入甲方供应链，并按下列承诺采购：验收合格后首批采购20台。", text, StringComparison.Ordinal);
        Assert.Contains("本项需求由甲方与示例联合发榜企业甲联合发榜，带量采购数量为50台。", text, StringComparison.Ordinal);
        Assert.Contains("北京市有管辖权的人民法院", text, StringComparison.Ordinal);
        Assert.Contains("本协议一式四份", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_applicant_alone_makes_two_parties_and_no_task_table()
    {
        var content = Compose(Record(FilledFormBuilder.Valid().ClearItems("coApplicants")));

        Assert.Equal(["甲方", "乙方"], content.Parties.Select(p => p.Role));
        Assert.DoesNotContain(content.Sections.SelectMany(s => s.Blocks.OfType<AgreementTable>()), t => t.Headers.Contains("承担任务"));
        Assert.Contains($"乙方{FilledFormBuilder.LeadName}按照揭榜要求", AllText(content), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_placeholder_of_the_shipped_wording_has_a_value_and_an_unknown_one_fails_loudly()
    {
        Assert.NotEmpty(AgreementTemplate.Default.Placeholders);
        Assert.DoesNotContain(AllText(Compose()), "{", StringComparison.Ordinal);

        var broken = AgreementTemplate.Parse("== 条款\n甲方名称：{issuer.nickname}\n");
        Assert.Throws<KeyNotFoundException>(() => AgreementComposer.Compose(Record(), TestData.Demand, TestData.Round, Request, broken));
    }
}
