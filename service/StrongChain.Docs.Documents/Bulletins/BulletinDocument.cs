using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Bulletins;
using static StrongChain.Docs.Documents.Bulletins.BulletinLayout;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Bulletins;

/// <summary>
/// Writes the official bulletin (榜单) as a Chinese official document (GB/T 9704-2012): red issuing-authority mark and
/// rule, document number, title, body, a table per sector, a detail entry per demand, signature and date.
/// The same <see cref="BulletinContent"/> always gives the same bytes.
/// </summary>
public static class BulletinDocument
{
    /// <summary>The sector table's column widths (twips): 序号, 需求编号, 技术需求名称, 发榜企业; they add up to the text width.</summary>
    public static IReadOnlyList<int> TableColumns { get; } = [700, 2100, 3545, 2500];

    public static byte[] Build(BulletinContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return NewDocument(document => Write(document, content));
    }

    private static void Write(WordprocessingDocument document, BulletinContent content)
    {
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = BulletinStyles.Create();
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = ChineseSettings(evenAndOddHeaders: true);
        main.AddNewPart<FontTablePart>("rIdFonts").Fonts = CreateFonts();
        // GB/T 9704: page numbers "— 1 —", odd pages on the right, even pages on the left, one character in from the edge.
        main.AddNewPart<FooterPart>("rIdFooterOdd").Footer = PageNumberFooter(JustificationValues.Right, new Indentation { Right = "280" });
        main.AddNewPart<FooterPart>("rIdFooterEven").Footer = PageNumberFooter(JustificationValues.Left, new Indentation { Left = "280" });

        var body = new Body();
        body.Append(Paragraph(BulletinStyles.Authority, null, Run(content.Authority)));
        body.Append(Paragraph(BulletinStyles.Number, null, Run(content.DocumentNumber)));
        body.Append(Paragraph(BulletinStyles.Title, null, Lines(string.Join('\n', content.TitleLines))));
        body.Append(Paragraph(BulletinStyles.Addressee, null, Run(content.Addressee)));
        foreach (var text in content.Opening)
        {
            body.Append(Paragraph(BulletinStyles.Body, null, Run(text)));
        }

        foreach (var section in content.Sections)
        {
            body.Append(Paragraph(BulletinStyles.Heading1, null, Run(section.Heading)));
            foreach (var block in section.Blocks)
            {
                body.Append(Block(block));
            }
        }

        body.Append(Paragraph(BulletinStyles.Signature, null, Run(content.Signature)));
        body.Append(Paragraph(BulletinStyles.Date, null, Run(content.DateText)));
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooterOdd" },
            new FooterReference { Type = HeaderFooterValues.Even, Id = "rIdFooterEven" },
            new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight },
            new PageMargin
            {
                Top = MarginTop, Right = (uint)MarginRight, Bottom = MarginBottom, Left = (uint)MarginLeft,
                Header = 851U, Footer = (uint)FooterDistance, Gutter = 0U,
            },
            new Columns { Space = "425" },
            new DocGrid { LinePitch = LinePitch }));

        var root = new Document(body);
        DeclareNamespaces(root);
        main.Document = root;
        WriteCoreProperties(document, content.Title, content.DocumentNumber, content.Authority);

        // Package-level relationship ids are random by default: fix them so builds are byte-identical.
        document.ChangeIdOfPart(main, "rId1");
    }

    private static OpenXmlElement[] Block(BulletinBlock block) => block switch
    {
        BulletinParagraph p => [Paragraph(BulletinStyles.Body, null, Lines(p.Text))],
        BulletinSubheading h => [Paragraph(BulletinStyles.Heading2, null, Run(h.Text))],
        BulletinItemHeading h => [Paragraph(BulletinStyles.Heading3, null, Run(h.Text))],
        BulletinField f => [Paragraph(BulletinStyles.Body, null, Run(f.Label + "：", RunProps(bold: true)), Lines(f.Value))],
        BulletinTable t => [SectorTable(t), Paragraph(BulletinStyles.AfterTable, null)],
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown bulletin block."),
    };

    /// <summary>A run of text whose line feeds (a demand's multi-line summary) become line breaks.</summary>
    private static Run Lines(string text)
    {
        var run = new Run();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    private static Table SectorTable(BulletinTable data)
    {
        var table = Table(TemplateStyles.FormTable, TableColumns, justification: JustificationValues.Center);
        table.Append(Row(
            BulletinTable.Headers.Select((h, i) => Cell(TableColumns[i], [Paragraph(BulletinStyles.TableHeader, null, Run(h))])),
            minHeight: 454, header: true));
        foreach (var row in data.Rows)
        {
            string[] values = [row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), row.DemandId, row.Title, row.Issuer];
            table.Append(Row(
                values.Select((v, i) => Cell(TableColumns[i], [Paragraph(i == 2 || i == 3 ? BulletinStyles.TableText : BulletinStyles.TableCentered, null, Run(v))])),
                minHeight: 454));
        }

        return table;
    }

    private static Footer PageNumberFooter(JustificationValues side, Indentation indentation)
    {
        var paragraph = Paragraph(BulletinStyles.Footer, side,
            Run("— "),
            new SimpleField(Run("1")) { Instruction = " PAGE " },
            Run(" —"));
        // w:ind comes before w:jc in the schema's order.
        paragraph.ParagraphProperties!.InsertBefore(indentation, paragraph.ParagraphProperties.Justification);
        return new Footer(paragraph);
    }

    /// <summary>The font table: 方正小标宋简体 names 宋体 as its alternative, so Word without it substitutes a serif face.</summary>
    private static Fonts CreateFonts()
    {
        var fonts = new Fonts(
            ChineseFont(TitleFont, TitleFallbackFont, FontFamilyValues.Roman),
            ChineseFont(BodyFont, null, FontFamilyValues.Modern),
            ChineseFont(HeadingFont, null, FontFamilyValues.Modern),
            ChineseFont(SubheadingFont, null, FontFamilyValues.Modern),
            ChineseFont(PageNumberFont, null, FontFamilyValues.Auto),
            new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable })
            { Name = LatinFont });
        DeclareNamespaces(fonts);
        return fonts;
    }

    private static Font ChineseFont(string name, string? alternative, FontFamilyValues family)
    {
        var font = new Font { Name = name };
        if (alternative is not null)
        {
            font.Append(new AltName { Val = alternative });
        }

        // Character set 0x86 is GB2312 (Simplified Chinese).
        font.Append(new FontCharSet { Val = "86" }, new FontFamily { Val = family }, new Pitch { Val = FontPitchValues.Variable });
        return font;
    }
}
