using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>Small factories for WordprocessingML paragraphs, runs and table cells.</summary>
internal static class WordBuilder
{
    public const string W14Namespace = "http://schemas.microsoft.com/office/word/2010/wordml";
    public const string W15Namespace = "http://schemas.microsoft.com/office/word/2012/wordml";

    /// <summary>Half-point sizes of the Chinese size names (字号).</summary>
    public static class Size
    {
        public const int XiaoChu = 72;
        public const int ErHao = 44;
        public const int SanHao = 32;
        public const int XiaoSan = 30;
        public const int SiHao = 28;
        public const int XiaoSi = 24;
        public const int WuHao = 21;
        public const int XiaoWu = 18;
    }

    public static Run Run(string text, RunProperties? properties = null)
    {
        var run = new Run();
        if (properties is not null)
        {
            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    public static RunProperties RunProps(int? size = null, bool bold = false, string? eastAsiaFont = null, string? characterStyle = null)
    {
        var props = new RunProperties();
        if (characterStyle is not null)
        {
            props.Append(new RunStyle { Val = characterStyle });
        }

        if (eastAsiaFont is not null)
        {
            props.Append(new RunFonts { EastAsia = eastAsiaFont });
        }

        if (bold)
        {
            props.Append(new Bold(), new BoldComplexScript());
        }

        if (size is { } half)
        {
            props.Append(new FontSize { Val = half.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            props.Append(new FontSizeComplexScript { Val = half.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return props;
    }

    public static Paragraph Paragraph(string? style, JustificationValues? justification, params OpenXmlElement[] content)
    {
        var props = new ParagraphProperties();
        if (style is not null)
        {
            props.Append(new ParagraphStyleId { Val = style });
        }

        if (justification is { } jc)
        {
            props.Append(new Justification { Val = jc });
        }

        var paragraph = new Paragraph();
        if (props.HasChildren)
        {
            paragraph.Append(props);
        }

        paragraph.Append(content);
        return paragraph;
    }

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, string? fill = null, int span = 1,
        TableVerticalAlignmentValues? align = null, TableCellBorders? borders = null)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (borders is not null)
        {
            props.Append(borders);
        }

        if (fill is not null)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        props.Append(new TableCellVerticalAlignment { Val = align ?? TableVerticalAlignmentValues.Center });
        var cell = new TableCell(props);
        cell.Append(content);
        return cell;
    }

    public static Table Table(string style, IReadOnlyList<int> columns, bool borderless = false, JustificationValues? justification = null, int? cellMargin = null)
    {
        var props = new TableProperties(
            new TableStyle { Val = style },
            new TableWidth { Width = Twips(columns.Sum()), Type = TableWidthUnitValues.Dxa });
        if (justification is { } jc)
        {
            props.Append(new TableJustification { Val = jc == JustificationValues.Center ? TableRowAlignmentValues.Center : TableRowAlignmentValues.Left });
        }

        if (borderless)
        {
            props.Append(new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }));
        }

        props.Append(new TableLayout { Type = TableLayoutValues.Fixed });
        if (cellMargin is { } margin)
        {
            props.Append(new TableCellMarginDefault(
                new TableCellLeftMargin { Width = (short)margin, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = (short)margin, Type = TableWidthValues.Dxa }));
        }

        props.Append(new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = true, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true });
        var grid = new TableGrid(columns.Select(c => new GridColumn { Width = Twips(c) }));
        return new Table(props, grid);
    }

    public static TableRow Row(IEnumerable<TableCell> cells, int? minHeight = null, bool header = false, bool cantSplit = true)
    {
        var props = new TableRowProperties();
        if (cantSplit)
        {
            props.Append(new CantSplit());
        }

        if (minHeight is { } height)
        {
            props.Append(new TableRowHeight { Val = (uint)height, HeightType = HeightRuleValues.AtLeast });
        }

        if (header)
        {
            props.Append(new TableHeader());
        }

        var row = new TableRow();
        if (props.HasChildren)
        {
            row.Append(props);
        }

        row.Append(cells);
        return row;
    }

    /// <summary>A new .docx written by <paramref name="write"/>, normalised so the same content always gives the same bytes.</summary>
    public static byte[] NewDocument(Action<WordprocessingDocument> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            write(document);
        }

        return Packages.DeterministicPackage.Normalize(stream.ToArray());
    }

    /// <summary>docProps/core.xml written directly: System.IO.Packaging's properties land in a randomly named part.</summary>
    public static void WriteCoreProperties(WordprocessingDocument document, string title, string subject, string creator)
    {
        var part = document.AddCoreFilePropertiesPart();
        WriteXml(part, CoreProperties(title, subject, creator));
        document.ChangeIdOfPart(part, "rId2");
    }

    /// <summary>The root of docProps/core.xml: title, subject, creator and language (zh-CN).</summary>
    public static XElement CoreProperties(string title, string subject, string creator)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        return new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "dc", dc.NamespaceName),
            new XElement(dc + "title", title),
            new XElement(dc + "subject", subject),
            new XElement(dc + "creator", creator),
            new XElement(dc + "language", "zh-CN"));
    }

    public static void WriteXml(OpenXmlPart part, XElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        WriteXml(stream, root);
    }

    public static void WriteXml(Stream stream, XElement root)
    {
        using var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        root.Save(writer);
    }

    public static void DeclareNamespaces(OpenXmlPartRootElement root)
    {
        root.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        root.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        root.AddNamespaceDeclaration("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006");
        root.AddNamespaceDeclaration("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
        root.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        root.AddNamespaceDeclaration("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        root.AddNamespaceDeclaration("w14", W14Namespace);
        root.AddNamespaceDeclaration("w15", W15Namespace);
        root.MCAttributes = new MarkupCompatibilityAttributes { Ignorable = "w14 w15" };
    }

    /// <summary>Document settings every generated Chinese document shares: compressed punctuation, Word 2013+ layout, zh-CN East Asian text.</summary>
    /// <param name="evenAndOddHeaders">Different footers on even and odd pages (official documents, GB/T 9704).</param>
    public static Settings ChineseSettings(bool evenAndOddHeaders = false) => new(
        new OpenXmlElement?[]
        {
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 420 },
            evenAndOddHeaders ? new EvenAndOddHeaders() : null,
            new CharacterSpacingControl { Val = CharacterSpacingValues.CompressPunctuation },
            new Compatibility(
                new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
            new ThemeFontLanguages { Val = "en-US", EastAsia = "zh-CN" },
            new DecimalSymbol { Val = "." },
            new ListSeparator { Val = "," },
        }.OfType<OpenXmlElement>());

    /// <summary>A centred "— 1 —" page number in the given paragraph style.</summary>
    public static Footer PageNumberFooter(string style) => new(Paragraph(style, JustificationValues.Center,
        Run("— "),
        new SimpleField(Run("1")) { Instruction = " PAGE " },
        Run(" —")));

    public static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A GUID derived from a seed, so ids (docParts, datastore items) are stable across builds.</summary>
    public static Guid StableGuid(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(hash.AsSpan(0, 16));
    }
}
