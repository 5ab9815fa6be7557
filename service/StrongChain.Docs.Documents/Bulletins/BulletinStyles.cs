using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Templates;
using static StrongChain.Docs.Documents.Bulletins.BulletinLayout;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Bulletins;

/// <summary>The bulletin's style sheet: 仿宋 3号 body at a fixed 28.95 pt line, 黑体/楷体/仿宋-bold headings, 小标宋 title.</summary>
internal static class BulletinStyles
{
    public const string Normal = TemplateStyles.Normal;
    public const string Authority = "BulletinAuthority";
    public const string Number = "BulletinNumber";
    public const string Title = "BulletinTitle";
    public const string Addressee = "BulletinAddressee";
    public const string Body = "BodyText";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string TableHeader = "BulletinTableHeader";
    public const string TableText = "BulletinTableText";
    public const string TableCentered = "BulletinTableCentered";
    public const string AfterTable = "BulletinAfterTable";
    public const string Signature = "BulletinSignature";
    public const string Date = "BulletinDate";
    public const string Footer = TemplateStyles.Footer;

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = BodyFont, ComplexScript = LatinFont },
                new Kern { Val = 2 },
                new FontSize { Val = Twips(BodySize) },
                new FontSizeComplexScript { Val = Twips(BodySize) },
                new Languages { Val = "en-US", EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        TemplateStyles.ParagraphStyle(Normal, "Normal", null, isDefault: true,
            new StyleParagraphProperties(
                new WidowControl { Val = false },
                new SpacingBetweenLines { Line = Twips(LinePitch), LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties(new Spacing { Val = BodyCharacterSpacing })),
        TemplateStyles.DefaultParagraphFontStyle(),
        TemplateStyles.TableNormalStyle(),
        TemplateStyles.FormTableStyle(),
        Style(Authority, "Bulletin Authority", Normal,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "1700", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(
                new RunFonts { EastAsia = TitleFont }, new Color { Val = Red }, new Spacing { Val = 0 },
                new FontSize { Val = Twips(AuthoritySize) }, new FontSizeComplexScript { Val = Twips(AuthoritySize) })),
        // The document number two lines below the mark; the red rule 4 mm below it, as wide as the text area.
        Style(Number, "Bulletin Number", Normal,
            new StyleParagraphProperties(
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Space = 11, Color = Red }),
                new SpacingBetweenLines { Before = Twips(2 * LinePitch) },
                new Justification { Val = JustificationValues.Center })),
        Style(Title, "Bulletin Title", Normal,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = Twips(2 * LinePitch), After = Twips(LinePitch), Line = "720", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(
                new RunFonts { EastAsia = TitleFont }, new Spacing { Val = 0 },
                new FontSize { Val = Twips(TitleSize) }, new FontSizeComplexScript { Val = Twips(TitleSize) })),
        Style(Addressee, "Bulletin Addressee", Normal,
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Left })),
        Style(Body, "Body Text", Normal,
            new StyleParagraphProperties(new Indentation { FirstLine = Twips(BodyIndent) })),
        Style(Heading1, "heading 1", Body,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
            new StyleRunProperties(new RunFonts { EastAsia = HeadingFont })),
        Style(Heading2, "heading 2", Body,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }),
            new StyleRunProperties(new RunFonts { EastAsia = SubheadingFont })),
        Style(Heading3, "heading 3", Body,
            new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 2 }),
            new StyleRunProperties(new Bold(), new BoldComplexScript())),
        Style(TableText, "Bulletin Table Text", Normal,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = "40", After = "40", Line = "300", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Left }),
            new StyleRunProperties(new Spacing { Val = 0 }, new FontSize { Val = Twips(TableSize) }, new FontSizeComplexScript { Val = Twips(TableSize) })),
        Style(TableCentered, "Bulletin Table Centered", TableText,
            new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })),
        Style(TableHeader, "Bulletin Table Header", TableCentered,
            new StyleParagraphProperties(new KeepNext()),
            new StyleRunProperties(new RunFonts { EastAsia = HeadingFont })),
        Style(AfterTable, "Bulletin After Table", Normal,
            new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Exact })),
        // No seal: the signature two characters in from the right, the date under it two characters further right.
        Style(Signature, "Bulletin Signature", Normal,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Before = Twips(LinePitch) },
                new Indentation { Right = Twips(BodyIndent) },
                new Justification { Val = JustificationValues.Right })),
        Style(Date, "Bulletin Date", Normal,
            new StyleParagraphProperties(
                new Indentation { Right = "1600" },
                new Justification { Val = JustificationValues.Right })),
        Style(Footer, "footer", Normal,
            new StyleParagraphProperties(
                new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(
                new RunFonts { Ascii = PageNumberFont, HighAnsi = PageNumberFont, EastAsia = PageNumberFont }, new Spacing { Val = 0 },
                new FontSize { Val = Twips(PageNumberSize) }, new FontSizeComplexScript { Val = Twips(PageNumberSize) })));

    private static Style Style(string id, string name, string basedOn, params OpenXmlElement[] properties) =>
        TemplateStyles.ParagraphStyle(id, name, basedOn, isDefault: false, properties);
}
