using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>Style ids and the style sheet of the application form (宋体 body, 黑体 headings, bordered form tables).</summary>
internal static class TemplateStyles
{
    public const string Normal = "Normal";
    public const string CoverProgramme = "CoverProgramme";
    public const string CoverTitle = "CoverTitle";
    public const string CoverLine = "CoverLine";
    public const string CoverFoot = "CoverFoot";
    public const string Heading = "Heading1";
    public const string InstructionsTitle = "InstructionsTitle";
    public const string InstructionItem = "InstructionItem";
    public const string TableText = "TableText";
    public const string TableLabel = "TableLabel";
    public const string TableCompact = "TableCompact";
    public const string TableDense = "TableDense";
    public const string Footer = "Footer";
    public const string PlaceholderText = "PlaceholderText";
    public const string FormTable = "FormTable";
    public const string DefaultParagraphFont = "DefaultParagraphFont";
    public const string TableNormal = "TableNormal";

    public const string LatinFont = "Times New Roman";
    public const string BodyEastAsiaFont = "宋体";
    public const string HeadingEastAsiaFont = "黑体";
    public const string LabelFill = "E7E6E6";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyEastAsiaFont, ComplexScript = LatinFont },
                new Kern { Val = 2 },
                new FontSize { Val = Twips(Size.XiaoSi) },
                new FontSizeComplexScript { Val = Twips(Size.XiaoSi) },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle(Normal, "Normal", null, isDefault: true,
            new StyleParagraphProperties(
                new WidowControl { Val = false },
                new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Both })),
        DefaultParagraphFontStyle(),
        TableNormalStyle(),
        ParagraphStyle(CoverProgramme, "Cover Programme", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "1800", After = "240", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new RunFonts { EastAsia = HeadingEastAsiaFont }, new FontSize { Val = Twips(Size.ErHao) }, new FontSizeComplexScript { Val = Twips(Size.ErHao) })),
        ParagraphStyle(CoverTitle, "Cover Title", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "240", After = "2000", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new RunFonts { EastAsia = HeadingEastAsiaFont }, new Bold(), new FontSize { Val = Twips(Size.XiaoChu) }, new FontSizeComplexScript { Val = Twips(Size.XiaoChu) })),
        ParagraphStyle(CoverLine, "Cover Line", Normal, isDefault: false,
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = Twips(Size.XiaoSan) }, new FontSizeComplexScript { Val = Twips(Size.XiaoSan) })),
        ParagraphStyle(CoverFoot, "Cover Foot", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "120", After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = Twips(Size.SanHao) }, new FontSizeComplexScript { Val = Twips(Size.SanHao) })),
        ParagraphStyle(Heading, "heading 1", Normal, isDefault: false,
            new StyleParagraphProperties(
                new KeepNext(), new KeepLines(),
                new SpacingBetweenLines { Before = "360", After = "160", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Left },
                new OutlineLevel { Val = 0 }),
            new StyleRunProperties(
                new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = HeadingEastAsiaFont },
                new FontSize { Val = Twips(Size.SiHao) }, new FontSizeComplexScript { Val = Twips(Size.SiHao) })),
        ParagraphStyle(InstructionsTitle, "Instructions Title", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "240", After = "360", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new RunFonts { EastAsia = HeadingEastAsiaFont }, new FontSize { Val = Twips(Size.SanHao) }, new FontSizeComplexScript { Val = Twips(Size.SanHao) })),
        ParagraphStyle(InstructionItem, "Instruction Item", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { After = "120", Line = "400", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { Left = "480", Hanging = "480" })),
        ParagraphStyle(TableText, "Table Text", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "40", After = "40", Line = "276", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Left })),
        ParagraphStyle(TableLabel, "Table Label", TableText, isDefault: false,
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })),
        ParagraphStyle(TableCompact, "Table Compact", TableText, isDefault: false,
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = Twips(Size.WuHao) }, new FontSizeComplexScript { Val = Twips(Size.WuHao) })),
        ParagraphStyle(TableDense, "Table Dense", TableText, isDefault: false,
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = Twips(Size.XiaoWu) }, new FontSizeComplexScript { Val = Twips(Size.XiaoWu) })),
        ParagraphStyle(Footer, "footer", Normal, isDefault: false,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new FontSize { Val = Twips(Size.XiaoWu) }, new FontSizeComplexScript { Val = Twips(Size.XiaoWu) })),
        new Style(
            new StyleName { Val = "Placeholder Text" }, new BasedOn { Val = DefaultParagraphFont }, new UIPriority { Val = 99 }, new SemiHidden(),
            new StyleRunProperties(new Color { Val = "808080" }))
        { Type = StyleValues.Character, StyleId = PlaceholderText },
        FormTableStyle());

    /// <summary>The default character style (Word expects it).</summary>
    internal static Style DefaultParagraphFontStyle() =>
        new(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = DefaultParagraphFont, Default = true };

    /// <summary>The default table style (no borders, 108-twip side margins).</summary>
    internal static Style TableNormalStyle() => new(
        new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
        new StyleTableProperties(
            new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
            new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
    { Type = StyleValues.Table, StyleId = TableNormal, Default = true };

    /// <summary>The bordered table style of generated documents (outer lines 1 pt, inner 0.5 pt).</summary>
    internal static Style FormTableStyle() => new(
        new StyleName { Val = "Form Table" }, new BasedOn { Val = TableNormal }, new UIPriority { Val = 59 },
        new StyleParagraphProperties(new SpacingBetweenLines { Line = "276", LineRule = LineSpacingRuleValues.Auto }),
        new StyleTableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 8, Space = 0, Color = "000000" },
                new LeftBorder { Val = BorderValues.Single, Size = 8, Space = 0, Color = "000000" },
                new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 0, Color = "000000" },
                new RightBorder { Val = BorderValues.Single, Size = 8, Space = 0, Color = "000000" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }),
            new TableCellMarginDefault(
                new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
    { Type = StyleValues.Table, StyleId = FormTable };

    internal static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, params OpenXmlElement[] properties)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        style.Append(new NextParagraphStyle { Val = basedOn is null ? id : Normal }, new UIPriority { Val = isDefault ? 0 : 9 }, new PrimaryStyle());
        style.Append(properties);
        return style;
    }
}
