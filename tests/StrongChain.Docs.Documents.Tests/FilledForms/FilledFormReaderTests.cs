using StrongChain.Docs.Documents.FilledForms;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Tests.Support;
using StrongChain.Docs.Domain.FilledForms;
using static StrongChain.Docs.Documents.Tests.Support.Wml;

namespace StrongChain.Docs.Documents.Tests.FilledForms;

public sealed class FilledFormReaderTests
{
    private static readonly TestMarkers Markers = new("1.0", "2026-R1", "D-2026-001");

    private static string CoApplicant(string name, string code) => Sdt(
        Props(null, null, RepeatingSectionItem),
        Tr(
            Tc(P(R("单位名称"))),
            Tc(P(Sdt(Props("coApplicant.name", "单位名称", Text), R(name)))
                + P(Sdt(Props("coApplicant.creditCode", "统一社会信用代码", Text), R(code))))));

    private static string CoApplicants(params string[] items) =>
        Table(Sdt(Props("coApplicants", "联合揭榜单位", RepeatingSection), string.Concat(items)));

    private static string Form(string coApplicants) =>
        P(R("单位名称："), Sdt(Props("applicant.name", "单位名称", Text), R("北京强链科技有限公司")))
        + P(Sdt(Props("decl.truthful", null, CheckBox("1")), R("☒")), R("申报材料真实、准确、完整"))
        + P(Sdt(Props("decl.goodStanding", null, CheckBox("0")), R("☐")), R("经营状况良好"))
        + coApplicants
        + P(PlaceholderSdt("plan.leaderName", "项目负责人", Text, "请输入项目负责人姓名"))
        + P(Sdt(Props("sign.seal", "单位公章", Picture), Drawing))
        + P(Sdt(Props("unrelated.tag", null, Text), R("不在目录中")));

    private static FilledForm ReadForm(DocxFactory factory) => FilledFormReader.Read(factory.Build());

    private static readonly string[] ThreeCoApplicants =
    [
        CoApplicant("清华大学", "12100000400000624D"),
        CoApplicant("中国科学院计算技术研究所", "12100000400011363X"),
        CoApplicant("北京某某科技有限公司", "91110108MA01ABCD1X"),
    ];

    [Fact]
    public void Reads_markers_values_paths_ordinals_and_item_counts()
    {
        var form = ReadForm(new DocxFactory { Body = Form(CoApplicants(ThreeCoApplicants)), XmlMarkers = Markers, PropertyMarkers = Markers });

        Assert.Equal(new FormMarkers("1.0", "2026-R1", "D-2026-001", true, true), form.Markers);
        Assert.True(form.Markers.IsOurs);
        Assert.Equal(
            [
                new FilledValue("applicant.name", "applicant.name", 0, "北京强链科技有限公司", null, false),
                new FilledValue("decl.truthful", "decl.truthful", 0, "☒", true, false),
                new FilledValue("decl.goodStanding", "decl.goodStanding", 0, "☐", false, false),
                new FilledValue("coApplicants[0].name", "coApplicant.name", 0, "清华大学", null, false),
                new FilledValue("coApplicants[0].creditCode", "coApplicant.creditCode", 0, "12100000400000624D", null, false),
                new FilledValue("coApplicants[1].name", "coApplicant.name", 1, "中国科学院计算技术研究所", null, false),
                new FilledValue("coApplicants[1].creditCode", "coApplicant.creditCode", 1, "12100000400011363X", null, false),
                new FilledValue("coApplicants[2].name", "coApplicant.name", 2, "北京某某科技有限公司", null, false),
                new FilledValue("coApplicants[2].creditCode", "coApplicant.creditCode", 2, "91110108MA01ABCD1X", null, false),
                new FilledValue("plan.leaderName", "plan.leaderName", 0, "", null, true),
                new FilledValue("sign.seal", "sign.seal", 0, "", null, false, HasImage: true),
            ],
            form.Values);
        Assert.Equal(
            new Dictionary<string, int> { ["coApplicants"] = 3, ["indicators"] = 0, ["milestones"] = 0, ["team"] = 0, ["budgetItems"] = 0 },
            form.RepeatItems);
    }

    [Fact]
    public void A_deleted_item_renumbers_the_items_after_it()
    {
        var form = ReadForm(new DocxFactory { Body = Form(CoApplicants(ThreeCoApplicants[0], ThreeCoApplicants[2])), XmlMarkers = Markers });

        Assert.Equal(2, form.RepeatItems["coApplicants"]);
        Assert.Equal(
            [("coApplicants[0].name", "清华大学"), ("coApplicants[1].name", "北京某某科技有限公司")],
            form.Values.Where(v => v.Tag == "coApplicant.name").Select(v => (v.Path, v.Text)));
    }

    [Fact]
    public void Markers_come_from_properties_when_the_custom_xml_part_was_stripped()
    {
        var form = ReadForm(new DocxFactory { Body = Form(""), PropertyMarkers = Markers });

        Assert.Equal(new FormMarkers("1.0", "2026-R1", "D-2026-001", false, true), form.Markers);
    }

    [Fact]
    public void Markers_come_from_our_custom_xml_part_among_others()
    {
        var factory = new DocxFactory { Body = Form(""), XmlMarkers = Markers };
        factory.OtherCustomXml.Add("""<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="\APA.XSL"/>""");
        factory.OtherCustomXml.Add("""<?xml version="1.0"?><application xmlns="urn:someone-else"><demandId>X</demandId></application>""");

        var form = ReadForm(factory);

        Assert.Equal(new FormMarkers("1.0", "2026-R1", "D-2026-001", true, false), form.Markers);
    }

    [Fact]
    public void The_custom_xml_part_wins_and_properties_fill_its_gaps()
    {
        var form = ReadForm(new DocxFactory
        {
            Body = Form(""),
            XmlMarkers = new TestMarkers("1.0", null, "D-2026-001"),
            PropertyMarkers = new TestMarkers("0.9", "2026-R1", "D-OTHER"),
        });

        Assert.Equal(new FormMarkers("1.0", "2026-R1", "D-2026-001", true, true), form.Markers);
    }

    [Fact]
    public void A_document_without_markers_is_not_ours_and_missing_sections_count_zero()
    {
        var form = ReadForm(new DocxFactory { Body = P(R("随便一份文档")) });

        Assert.Equal(new FormMarkers(null, null, null, false, false), form.Markers);
        Assert.False(form.Markers.IsOurs);
        Assert.Empty(form.Values);
        Assert.All(form.RepeatItems.Values, count => Assert.Equal(0, count));
        Assert.Equal(5, form.RepeatItems.Count);
    }

    [Fact]
    public void Content_pasted_twice_keeps_the_first_filled_value_and_ordinals_count_all()
    {
        var body =
            P(PlaceholderSdt("applicant.name", "单位名称", Text, "请输入单位全称"))
            + P(Sdt(Props("applicant.name", "单位名称", Text), R("第二处")))
            + P(Sdt(Props("applicant.name", "单位名称", Text), R("第三处")));

        var form = ReadForm(new DocxFactory { Body = body });

        Assert.Equal([new FilledValue("applicant.name", "applicant.name", 1, "第二处", null, false)], form.Values);
    }

    [Fact]
    public void A_repeat_child_outside_any_item_is_item_zero()
    {
        var body = P(Sdt(Props("indicator.name", "指标名称", Text), R("精度")));

        var form = ReadForm(new DocxFactory { Body = body });

        Assert.Equal([new FilledValue("indicators[0].name", "indicator.name", 0, "精度", null, false)], form.Values);
        Assert.Equal(0, form.RepeatItems["indicators"]);
    }

    [Fact]
    public void An_empty_item_left_by_word_reads_as_placeholders()
    {
        var empty = Sdt(
            Props(null, null, RepeatingSectionItem),
            Tr(Tc(P(PlaceholderSdt("coApplicant.name", "单位名称", Text, "请输入联合揭榜单位全称"))), Tc(P(R("")))));

        var form = ReadForm(new DocxFactory { Body = CoApplicants(ThreeCoApplicants[0], empty) });

        Assert.Equal(2, form.RepeatItems["coApplicants"]);
        Assert.Equal(new FilledValue("coApplicants[1].name", "coApplicant.name", 1, "", null, true), form.Values[^1]);
    }

    /// <summary>A co-applicant row deleted with track changes on, as Word saves it: row, paragraph marks and runs all deleted.</summary>
    private static string DeletedCoApplicant(string name, string code) => Sdt(
        Props(null, null, RepeatingSectionItem),
        DeletedTr(
            Tc(DeletedMarkP(DeletedR("单位名称"))),
            Tc(DeletedMarkP(Sdt(Props("coApplicant.name", "单位名称", Text), DeletedR(name)))
                + DeletedMarkP(Sdt(Props("coApplicant.creditCode", "统一社会信用代码", Text), DeletedR(code))))));

    [Fact]
    public void A_repeating_item_deleted_as_a_tracked_change_is_no_item_and_the_items_after_it_renumber()
    {
        var body = CoApplicants(ThreeCoApplicants[0], DeletedCoApplicant("中国科学院计算技术研究所", "12100000400011363X"), ThreeCoApplicants[2]);

        var form = ReadForm(new DocxFactory { Body = body, XmlMarkers = Markers });

        Assert.Equal(2, form.RepeatItems["coApplicants"]);

        // Ordinals still count the deleted item's controls: they are in the document Word shows with markup.
        Assert.Equal(
            [
                new FilledValue("coApplicants[0].name", "coApplicant.name", 0, "清华大学", null, false),
                new FilledValue("coApplicants[0].creditCode", "coApplicant.creditCode", 0, "12100000400000624D", null, false),
                new FilledValue("coApplicants[1].name", "coApplicant.name", 2, "北京某某科技有限公司", null, false),
                new FilledValue("coApplicants[1].creditCode", "coApplicant.creditCode", 2, "91110108MA01ABCD1X", null, false),
            ],
            form.Values);
    }

    [Fact]
    public void A_paragraph_item_whose_marks_and_text_are_tracked_deletions_is_no_item()
    {
        static string Member(string name) => Sdt(Props(null, null, RepeatingSectionItem), P(R("姓名："), Sdt(Props("member.name", "姓名", Text), R(name))));
        var deleted = Sdt(
            Props(null, null, RepeatingSectionItem),
            DeletedMarkP(DeletedR("姓名："), Sdt(Props("member.name", "姓名", Text), DeletedR("李四"))));
        var body = Sdt(Props("team", "项目团队", RepeatingSection), Member("张三") + deleted + Member("王五"));

        var form = ReadForm(new DocxFactory { Body = body, XmlMarkers = Markers });

        Assert.Equal(2, form.RepeatItems["team"]);
        Assert.Equal(
            [("team[0].name", "张三", 0), ("team[1].name", "王五", 2)],
            form.Values.Where(v => v.Tag == "member.name").Select(v => (v.Path, v.Text, v.Ordinal)));
    }

    [Fact]
    public void An_item_whose_text_was_deleted_but_not_its_paragraph_is_still_an_item()
    {
        // Deleting the text of a field leaves the item (and its paragraph) in place: an empty item, not a deleted one.
        var emptied = Sdt(
            Props(null, null, RepeatingSectionItem),
            Tr(Tc(P(R("单位名称"))), Tc(P(Sdt(Props("coApplicant.name", "单位名称", Text), DeletedR("中国科学院计算技术研究所"))))));

        var form = ReadForm(new DocxFactory { Body = CoApplicants(ThreeCoApplicants[0], emptied), XmlMarkers = Markers });

        Assert.Equal(2, form.RepeatItems["coApplicants"]);
        Assert.Equal(new FilledValue("coApplicants[1].name", "coApplicant.name", 1, "", null, false), form.Values[^1]);
    }

    [Fact]
    public void A_value_typed_as_hidden_text_is_not_a_value()
    {
        var body = P(R("单位名称："), Sdt(Props("applicant.name", "单位名称", Text), HiddenR("北京强链科技有限公司")))
            + P(R("联系人："), Sdt(Props("applicant.contactName", "联系人", Text), R("王") + HiddenR("（备注：待确认）") + R("五")));

        var form = ReadForm(new DocxFactory { Body = body, XmlMarkers = Markers });

        Assert.Equal(
            [
                new FilledValue("applicant.name", "applicant.name", 0, "", null, false),
                new FilledValue("applicant.contactName", "applicant.contactName", 0, "王五", null, false),
            ],
            form.Values);
    }

    [Fact]
    public void The_stream_overload_guards_the_upload()
    {
        var bytes = new DocxFactory { Body = Form(CoApplicants(ThreeCoApplicants)), XmlMarkers = Markers }.Build();

        var form = FilledFormReader.Read(new MemoryStream(bytes));

        Assert.Equal(3, form.RepeatItems["coApplicants"]);
        var rejected = Assert.Throws<DocumentRejectedException>(() => FilledFormReader.Read(new MemoryStream("%PDF-1.7\n"u8.ToArray())));
        Assert.Equal("not-a-docx", rejected.Code);
    }
}
