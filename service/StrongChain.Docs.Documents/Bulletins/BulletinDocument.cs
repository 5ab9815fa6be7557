using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Packages;
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

    /// <summary>Relationship ids of the footers, which the section properties name.</summary>
    internal const string OddFooterId = "rIdFooterOdd";
    internal const string EvenFooterId = "rIdFooterEven";

    private const string DocumentPart = "word/document.xml";
    private const string CorePart = "docProps/core.xml";

    /// <summary>
    /// The package's entries in order, made once by the Open XML SDK: styles, settings, fonts, footers, relationships and
    /// content types are the same for every bulletin, so only the document part and the core properties are written per build.
    /// </summary>
    private static readonly Lazy<(string Name, byte[] Bytes)[]> FixedParts = new(MakeFixedParts);

    public static byte[] Build(BulletinContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in FixedParts.Value)
            {
                // The document part is MBs of repetitive XML: zlib's fastest level deflates it ~10× faster than Optimal,
                // for a somewhat larger file (1,000 demands: 101 KB instead of 66 KB).
                var level = name == DocumentPart ? CompressionLevel.Fastest : CompressionLevel.Optimal;
                using var stream = DeterministicPackage.CreateEntry(zip, name, level).Open();
                switch (name)
                {
                    case DocumentPart:
                        BulletinBodyWriter.Write(stream, content);
                        break;
                    case CorePart:
                        WriteXml(stream, CoreProperties(content.Title, content.DocumentNumber, content.Authority));
                        break;
                    default:
                        stream.Write(bytes);
                        break;
                }
            }
        }

        return output.ToArray();
    }

    private static (string Name, byte[] Bytes)[] MakeFixedParts()
    {
        using var zip = new ZipArchive(new MemoryStream(NewDocument(WriteFixedParts)), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return (e.FullName, bytes.ToArray());
        })];
    }

    /// <summary>Every part of the package; the document and core properties are stand-ins that <see cref="Build"/> replaces.</summary>
    private static void WriteFixedParts(WordprocessingDocument document)
    {
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = BulletinStyles.Create();
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = ChineseSettings(evenAndOddHeaders: true);
        main.AddNewPart<FontTablePart>("rIdFonts").Fonts = CreateFonts();
        // GB/T 9704: page numbers "— 1 —", odd pages on the right, even pages on the left, one character in from the edge.
        main.AddNewPart<FooterPart>(OddFooterId).Footer = PageNumberFooter(JustificationValues.Right, new Indentation { Right = "280" });
        main.AddNewPart<FooterPart>(EvenFooterId).Footer = PageNumberFooter(JustificationValues.Left, new Indentation { Left = "280" });
        var root = new Document(new Body());
        DeclareNamespaces(root);
        main.Document = root;
        WriteCoreProperties(document, "", "", "");

        // Package-level relationship ids are random by default: fix them so builds are byte-identical.
        document.ChangeIdOfPart(main, "rId1");
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
