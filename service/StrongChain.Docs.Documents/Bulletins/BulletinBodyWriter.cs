using System.Globalization;
using System.Text;
using System.Xml;
using StrongChain.Docs.Domain.Bulletins;

namespace StrongChain.Docs.Documents.Bulletins;

/// <summary>
/// Streams the bulletin's <c>word/document.xml</c> straight into the package entry: no Open XML SDK DOM, since a round of
/// 1,000 demands is ~60,000 elements (building and saving them took most of the 220 ms). The markup is the one the SDK
/// wrote for the same content (the bulletin tests read it back with the SDK and validate it); the text goes through
/// <see cref="XmlWriter"/>, which escapes it as the SDK's serialiser did.
/// </summary>
internal static class BulletinBodyWriter
{
    private const string Declaration = """<?xml version="1.0" encoding="utf-8"?>""";

    private const string DocumentStart =
        """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"><w:body>""";

    /// <summary>GB/T 9704 page: odd and even footers, A4, margins 37/35/28/26 mm, 22-line grid (<see cref="BulletinLayout"/>).</summary>
    private static readonly string DocumentEnd = string.Create(CultureInfo.InvariantCulture,
        $"""<w:sectPr><w:footerReference w:type="default" r:id="{BulletinDocument.OddFooterId}" /><w:footerReference w:type="even" r:id="{BulletinDocument.EvenFooterId}" /><w:pgSz w:w="{BulletinLayout.PageWidth}" w:h="{BulletinLayout.PageHeight}" /><w:pgMar w:top="{BulletinLayout.MarginTop}" w:right="{BulletinLayout.MarginRight}" w:bottom="{BulletinLayout.MarginBottom}" w:left="{BulletinLayout.MarginLeft}" w:header="851" w:footer="{BulletinLayout.FooterDistance}" w:gutter="0" /><w:cols w:space="425" /><w:docGrid w:linePitch="{BulletinLayout.LinePitch}" /></w:sectPr></w:body></w:document>""");

    /// <summary>The sector table's properties and grid (FormTable style, fixed layout, centred, columns filling the text width).</summary>
    private static readonly string TableStart = string.Create(CultureInfo.InvariantCulture,
        $"""<w:tbl><w:tblPr><w:tblStyle w:val="FormTable" /><w:tblW w:w="{BulletinDocument.TableColumns.Sum()}" w:type="dxa" /><w:jc w:val="center" /><w:tblLayout w:type="fixed" /><w:tblLook w:val="04A0" w:firstRow="true" w:lastRow="false" w:firstColumn="true" w:lastColumn="false" w:noHBand="false" w:noVBand="true" /></w:tblPr><w:tblGrid>{string.Concat(BulletinDocument.TableColumns.Select(c => $"""<w:gridCol w:w="{c}" />"""))}</w:tblGrid>""");

    private const string HeaderRowStart = """<w:tr><w:trPr><w:cantSplit /><w:trHeight w:val="454" w:hRule="atLeast" /><w:tblHeader /></w:trPr>""";
    private const string RowStart = """<w:tr><w:trPr><w:cantSplit /><w:trHeight w:val="454" w:hRule="atLeast" /></w:trPr>""";

    /// <summary>Each column's cell start: width and vertical centring.</summary>
    private static readonly string[] CellStarts = [.. BulletinDocument.TableColumns.Select(c =>
        string.Create(CultureInfo.InvariantCulture, $"""<w:tc><w:tcPr><w:tcW w:w="{c}" w:type="dxa" /><w:vAlign w:val="center" /></w:tcPr>"""))];

    private const string BoldRunStart = "<w:r><w:rPr><w:b /><w:bCs /></w:rPr>";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
        CloseOutput = false,
    };

    public static void Write(Stream stream, BulletinContent content)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        var writer = new Writer(xml);
        xml.WriteRaw(Declaration);
        xml.WriteRaw(DocumentStart);
        writer.Paragraph(BulletinStyles.Authority, content.Authority);
        writer.Paragraph(BulletinStyles.Number, content.DocumentNumber);
        writer.LinesParagraph(BulletinStyles.Title, string.Join('\n', content.TitleLines));
        writer.Paragraph(BulletinStyles.Addressee, content.Addressee);
        foreach (var text in content.Opening)
        {
            writer.Paragraph(BulletinStyles.Body, text);
        }

        foreach (var section in content.Sections)
        {
            writer.Paragraph(BulletinStyles.Heading1, section.Heading);
            foreach (var block in section.Blocks)
            {
                writer.Block(block);
            }
        }

        writer.Paragraph(BulletinStyles.Signature, content.Signature);
        writer.Paragraph(BulletinStyles.Date, content.DateText);
        xml.WriteRaw(DocumentEnd);
    }

    private readonly struct Writer(XmlWriter xml)
    {
        public void Block(BulletinBlock block)
        {
            switch (block)
            {
                case BulletinParagraph p:
                    LinesParagraph(BulletinStyles.Body, p.Text);
                    break;
                case BulletinSubheading h:
                    Paragraph(BulletinStyles.Heading2, h.Text);
                    break;
                case BulletinItemHeading h:
                    Paragraph(BulletinStyles.Heading3, h.Text);
                    break;
                case BulletinField f:
                    ParagraphStart(BulletinStyles.Body);
                    xml.WriteRaw(BoldRunStart);
                    Text(f.Label + "：");
                    xml.WriteRaw("</w:r>");
                    Lines(f.Value);
                    xml.WriteRaw("</w:p>");
                    break;
                case BulletinTable t:
                    Table(t);
                    xml.WriteRaw("<w:p><w:pPr><w:pStyle w:val=\"" + BulletinStyles.AfterTable + "\" /></w:pPr></w:p>");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown bulletin block.");
            }
        }

        /// <summary>A paragraph of one run of text.</summary>
        public void Paragraph(string style, string text)
        {
            ParagraphStart(style);
            xml.WriteRaw("<w:r>");
            Text(text);
            xml.WriteRaw("</w:r></w:p>");
        }

        /// <summary>A paragraph of one run whose line feeds (a demand's multi-line summary) become line breaks.</summary>
        public void LinesParagraph(string style, string text)
        {
            ParagraphStart(style);
            Lines(text);
            xml.WriteRaw("</w:p>");
        }

        private void ParagraphStart(string style) => xml.WriteRaw("<w:p><w:pPr><w:pStyle w:val=\"" + style + "\" /></w:pPr>");

        private void Lines(string text)
        {
            xml.WriteRaw("<w:r>");
            var rest = text.AsSpan();
            while (true)
            {
                var end = rest.IndexOf('\n');
                var line = end < 0 ? rest : rest[..end];
                Text(line.TrimEnd('\r').ToString());
                if (end < 0)
                {
                    break;
                }

                xml.WriteRaw("<w:br />");
                rest = rest[(end + 1)..];
            }

            xml.WriteRaw("</w:r>");
        }

        private void Text(string text)
        {
            xml.WriteRaw("<w:t xml:space=\"preserve\">");
            xml.WriteString(text);
            xml.WriteRaw("</w:t>");
        }

        private void Table(BulletinTable data)
        {
            xml.WriteRaw(TableStart);
            xml.WriteRaw(HeaderRowStart);
            for (var i = 0; i < BulletinTable.Headers.Count; i++)
            {
                Cell(i, BulletinStyles.TableHeader, BulletinTable.Headers[i]);
            }

            xml.WriteRaw("</w:tr>");
            foreach (var row in data.Rows)
            {
                xml.WriteRaw(RowStart);
                Cell(0, BulletinStyles.TableCentered, row.Number.ToString(CultureInfo.InvariantCulture));
                Cell(1, BulletinStyles.TableCentered, row.DemandId);
                Cell(2, BulletinStyles.TableText, row.Title);
                Cell(3, BulletinStyles.TableText, row.Issuer);
                xml.WriteRaw("</w:tr>");
            }

            xml.WriteRaw("</w:tbl>");
        }

        private void Cell(int column, string style, string text)
        {
            xml.WriteRaw(CellStarts[column]);
            Paragraph(style, text);
            xml.WriteRaw("</w:tc>");
        }
    }
}
