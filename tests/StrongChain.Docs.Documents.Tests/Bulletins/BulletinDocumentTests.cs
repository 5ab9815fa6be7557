using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Bulletins;
using StrongChain.Docs.Domain.Bulletins;
using StrongChain.Docs.Testing;

using StrongChain.Docs.Documents.Tests.Support;

namespace StrongChain.Docs.Documents.Tests.Bulletins;

public sealed class BulletinDocumentTests
{

    private static readonly byte[] FirstBatch = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published));
    private static readonly byte[] Detailed = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.FirstBatch));

    [Fact]
    public void Bulletin_is_valid_Office_Open_XML()
    {
        foreach (var docx in new[] { FirstBatch, Detailed })
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Same_data_gives_the_same_bytes()
    {
        var again = BulletinDocument.Build(BulletinContent.Compose(DemandSamples.FirstRound, DemandSamples.Published));
        Assert.Equal(FirstBatch, again);
    }

    [Fact]
    public void First_batch_text_matches_its_golden_file() => Golden.AssertText("first-batch.txt", DocxText.Of(FirstBatch));

    [Fact]
    public void Detailed_round_text_matches_its_golden_file() => Golden.AssertText("detailed-round.txt", DocxText.Of(Detailed));

    [Fact]
    public void Page_is_A4_with_the_GB_T_9704_margins()
    {
        var section = Body(FirstBatch).GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        // 37, 35, 28 and 26 mm in twips (mm × 1440 / 25.4, rounded).
        Assert.Equal(Mm(37), margin.Top!.Value);
        Assert.Equal(Mm(35), margin.Bottom!.Value);
        Assert.Equal(Mm(28), (int)margin.Left!.Value);
        Assert.Equal(Mm(26), (int)margin.Right!.Value);
        // The text area is 156 mm wide.
        Assert.Equal(Mm(156), 11906 - (int)margin.Left.Value - (int)margin.Right.Value, tolerance: 1);
    }

    [Fact]
    public void Body_is_3hao_fangsong_at_22_lines_of_28_characters()
    {
        using var document = Open(FirstBatch);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("仿宋", defaults.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.FontSize!.Val!.Value);

        var normal = Style(styles, "Normal");
        var spacing = normal.StyleParagraphProperties!.SpacingBetweenLines!;
        Assert.Equal(LineSpacingRuleValues.Exact, spacing.LineRule!.Value);
        var pitch = int.Parse(spacing.Line!.Value!, System.Globalization.CultureInfo.InvariantCulture);
        var section = Body(FirstBatch).GetFirstChild<SectionProperties>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        var textHeight = 16838 - margin.Top!.Value - margin.Bottom!.Value;
        var textWidth = 11906 - (int)margin.Left!.Value - (int)margin.Right!.Value;
        Assert.Equal(22, textHeight / pitch);

        // 16 pt characters plus the style's character spacing (twentieths of a point = twips): 28 fit on a line, 29 do not.
        var advance = 320 + normal.StyleRunProperties!.GetFirstChild<Spacing>()!.Val!.Value;
        Assert.Equal(28, textWidth / advance);
    }

    [Fact]
    public void Title_is_2hao_xiaobiaosong_with_songti_as_the_alternative()
    {
        using var document = Open(FirstBatch);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var title = Style(styles, "BulletinTitle").StyleRunProperties!;
        Assert.Equal("44", title.FontSize!.Val!.Value);
        Assert.Equal("方正小标宋简体", title.RunFonts!.EastAsia!.Value);
        var font = document.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "方正小标宋简体");
        Assert.Equal("宋体", font.AltName!.Val!.Value);

        Assert.Equal("黑体", Style(styles, "Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("楷体", Style(styles, "Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.NotNull(Style(styles, "Heading3").StyleRunProperties!.GetFirstChild<Bold>());
    }

    [Fact]
    public void Header_is_the_red_authority_mark_then_the_number_over_a_red_rule()
    {
        using var document = Open(FirstBatch);
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var paragraphs = document.MainDocumentPart.Document!.Body!.Elements<Paragraph>().Take(3).ToList();
        Assert.Equal(["中关村科技园区管理委员会", "中科园发〔2020〕1号", "中关村科技园区管理委员会关于发布中关村强链工程首批技术需求榜单的通知"],
            paragraphs.Select(p => p.InnerText));
        Assert.Equal(["BulletinAuthority", "BulletinNumber", "BulletinTitle"], paragraphs.Select(p => p.ParagraphProperties!.ParagraphStyleId!.Val!.Value));

        var authority = Style(styles, "BulletinAuthority");
        Assert.Equal("FF0000", authority.StyleRunProperties!.Color!.Val!.Value);
        Assert.Equal(JustificationValues.Center, authority.StyleParagraphProperties!.Justification!.Val!.Value);
        var rule = Style(styles, "BulletinNumber").StyleParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal(("FF0000", BorderValues.Single), (rule.Color!.Value, rule.Val!.Value));
    }

    [Fact]
    public void Each_sector_has_a_table_of_its_demands()
    {
        var tables = Body(FirstBatch).Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        var rows = tables.Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        Assert.All(rows, r => Assert.Equal(["序号", "需求编号", "技术需求名称", "发榜企业"], r[0]));
        Assert.Equal(4, rows[0].Count - 1);
        Assert.Equal(6, rows[1].Count - 1);
        Assert.Equal(["6", "QL2020-BM-06", "生物药生产的一次性生物反应器内衬袋和中间品存放袋", "示例发榜企业I"], rows[1][6]);
        Assert.Equal(["2", "QL2020-BM-02", "多自由度力控医用机械臂", "北京天智航医疗科技股份有限公司"], rows[1][2]);
        // Header rows repeat on every page; the columns fill the text area.
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()));
        Assert.Equal(BulletinLayout.TextWidth, BulletinDocument.TableColumns.Sum());
    }

    [Fact]
    public void Page_numbers_sit_right_on_odd_pages_and_left_on_even_pages()
    {
        using var document = Open(FirstBatch);
        var main = document.MainDocumentPart!;
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var references = main.Document!.Body!.GetFirstChild<SectionProperties>()!.Elements<FooterReference>()
            .ToDictionary(r => r.Type!.Value, r => ((FooterPart)main.GetPartById(r.Id!.Value!)).Footer!);
        Assert.Equal(JustificationValues.Right, references[HeaderFooterValues.Default].Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Left, references[HeaderFooterValues.Even].Descendants<Justification>().Single().Val!.Value);
        Assert.Equal("— 1 —", references[HeaderFooterValues.Default].InnerText);
    }

    [Fact]
    public void Multi_line_values_become_line_breaks()
    {
        var text = DocxText.Of(Detailed);
        Assert.Contains("主要技术指标：1. 关键性能达到国际同类产品水平；\n2. 完成不少于3家用户的验证。", text, StringComparison.Ordinal);
    }

    private static int Mm(double mm) => (int)Math.Round(mm * 1440 / 25.4);

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static Body Body(byte[] docx)
    {
        using var document = Open(docx);
        return (Body)document.MainDocumentPart!.Document!.Body!.CloneNode(true);
    }

    private static Style Style(Styles styles, string id) => styles.Elements<Style>().Single(s => s.StyleId == id);
}
