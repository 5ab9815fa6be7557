using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Documents.Templates;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W14 = DocumentFormat.OpenXml.Office2010.Word;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace StrongChain.Docs.Testing;

/// <summary>
/// Fills a template .docx the way Word does when a person types into it, including the odd
/// shapes Word (and people) leave behind, so readers and validators meet real-world documents.
/// </summary>
public sealed class FormFiller : IDisposable
{
    /// <summary>A 1×1 red PNG: enough for a picture control to hold an image.</summary>
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4ICAAAAJ0AOEM+S4MAAAAAElFTkSuQmCC");

    public const string RevisionAuthor = "审阅人甲";

    /// <summary>Fixed revision time, so fixtures do not change on every regeneration.</summary>
    public static readonly DateTime RevisionDate = new(2021, 1, 20, 10, 0, 0, DateTimeKind.Utc);

    private const string RsidA = "00A1B2C3";
    private const string RsidB = "00D4E5F6";

    private readonly MemoryStream stream;
    private readonly WordprocessingDocument document;
    private int revisionId = 900;
    private int imageCount;

    private FormFiller(byte[] docx)
    {
        stream = new MemoryStream();
        stream.Write(docx);
        stream.Position = 0;
        document = WordprocessingDocument.Open(stream, isEditable: true);
    }

    public static FormFiller Open(byte[] docx) => new(docx);

    public static FormFiller FromTemplate(Round round, Demand demand) => new(ApplicationFormTemplate.Build(round, demand));

    private MainDocumentPart Main => document.MainDocumentPart ?? throw new InvalidOperationException("No main document part.");

    private Body Body => Main.Document?.Body ?? throw new InvalidOperationException("No document body.");

    /// <summary>Types <paramref name="text"/> into the n-th text, rich text, date or list control with this tag.</summary>
    public FormFiller Set(string tag, string text, int ordinal = 0)
    {
        Fill(Control(Body, tag, ordinal), text);
        return this;
    }

    /// <summary>Types into a child control of one item of a repeating section.</summary>
    public FormFiller SetIn(string repeatTag, int itemIndex, string childTag, string text)
    {
        Fill(Control(Item(repeatTag, itemIndex), childTag, 0), text);
        return this;
    }

    /// <summary>Ticks (or clears) a w14 check box: <c>w14:checked</c> and the glyph, as Word does.</summary>
    public FormFiller Check(string tag, bool value = true, int ordinal = 0)
    {
        SetChecked(Control(Body, tag, ordinal), value);
        return this;
    }

    /// <summary>Inserts a tiny inline PNG into a picture control.</summary>
    public FormFiller SetPicture(string tag, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        RemovePlaceholderFlag(sdt);
        var image = Main.AddImagePart(ImagePartType.Png, $"rIdImage{++imageCount}");
        using (var data = new MemoryStream(TinyPng))
        {
            image.FeedData(data);
        }

        var container = ClearContent(sdt);
        container.Append(new Run(Picture(Main.GetIdOfPart(image), (uint)(5000 + imageCount))));
        return this;
    }

    /// <summary>Adds an item after the last one, as Word's "+" does: new ids, children back to their placeholders.</summary>
    public FormFiller AddRepeatItem(string repeatTag)
    {
        FormControls.AddItem(Body, repeatTag);
        return this;
    }

    /// <summary>An item added and then left untouched: every child still shows its placeholder.</summary>
    public FormFiller LeaveEmptyRepeatItem(string repeatTag) => AddRepeatItem(repeatTag);

    public FormFiller DeleteRepeatItem(string repeatTag, int index)
    {
        Items(repeatTag)[index].Remove();
        return this;
    }

    /// <summary>
    /// Deletes an item with track changes on, as Word saves it: its rows become deleted rows (<c>w:trPr/w:del</c>),
    /// its runs deleted runs (<c>w:del</c>, text as <c>w:delText</c>), its paragraph marks deleted; the item stays in the file.
    /// </summary>
    public FormFiller DeleteRepeatItemTracked(string repeatTag, int index)
    {
        var item = Item(repeatTag, index);
        foreach (var row in item.Descendants<TableRow>())
        {
            var properties = row.TableRowProperties ?? row.PrependChild(new TableRowProperties());
            properties.Append(new Deleted { Id = NextRevisionId(), Author = RevisionAuthor, Date = RevisionDate });
        }

        foreach (var run in item.Descendants<Run>().Where(r => r.Parent is not DeletedRun).ToList())
        {
            foreach (var text in run.Elements<Text>().ToList())
            {
                text.InsertAfterSelf(new DeletedText(text.Text) { Space = SpaceProcessingModeValues.Preserve });
                text.Remove();
            }

            run.RsidRunDeletion = RsidB;
            var deleted = run.InsertBeforeSelf(new DeletedRun { Id = NextRevisionId(), Author = RevisionAuthor, Date = RevisionDate });
            run.Remove();
            deleted.Append(run);
        }

        foreach (var paragraph in item.Descendants<Paragraph>())
        {
            var properties = paragraph.ParagraphProperties ??= new ParagraphProperties();
            var mark = properties.ParagraphMarkRunProperties ??= new ParagraphMarkRunProperties();

            // The revision marks come first in a paragraph mark's properties (CT_ParaRPr).
            mark.PrependChild(new Deleted { Id = NextRevisionId(), Author = RevisionAuthor, Date = RevisionDate });
        }

        return this;
    }

    /// <summary>Splits the control's text into runs with different rsids around a spelling-error mark.</summary>
    public FormFiller SplitRunsWithProofErr(string tag, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        var text = VisibleText(sdt);
        var container = ClearContent(sdt);
        var third = Math.Max(1, text.Length / 3);
        if (text.Length < 3)
        {
            container.Append(TextRun(text, RsidA));
            return this;
        }

        container.Append(
            TextRun(text[..third], RsidA),
            new ProofError { Type = ProofingErrorValues.SpellStart },
            TextRun(text[third..(2 * third)], RsidB),
            new ProofError { Type = ProofingErrorValues.SpellEnd },
            TextRun(text[(2 * third)..], RsidA));
        return this;
    }

    /// <summary>Appends <paramref name="text"/> as a tracked insertion (<c>w:ins</c>), not yet accepted.</summary>
    public FormFiller TrackedInsertion(string tag, string text, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        RemovePlaceholderFlag(sdt);
        LastParagraphOrContent(sdt).Append(new InsertedRun(TextRun(text, RsidB))
        { Id = NextRevisionId(), Author = RevisionAuthor, Date = RevisionDate });
        return this;
    }

    /// <summary>Appends <paramref name="text"/> as a tracked deletion (<c>w:del</c>/<c>w:delText</c>): not part of the value.</summary>
    public FormFiller TrackedDeletion(string tag, string text, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        RemovePlaceholderFlag(sdt);
        LastParagraphOrContent(sdt).Append(new DeletedRun(new Run(new DeletedText(text) { Space = SpaceProcessingModeValues.Preserve }) { RsidRunDeletion = RsidB })
        { Id = NextRevisionId(), Author = RevisionAuthor, Date = RevisionDate });
        return this;
    }

    /// <summary>The text a control reads as after <see cref="InsertTabAndBreak"/>: a tab before, a line break after the first sentence.</summary>
    public static string TabAndBreakText(string text)
    {
        var cut = SentenceCut(text);
        return "\t" + text[..cut] + "\n" + text[cut..];
    }

    /// <summary>Indents the text with a <c>w:tab</c> and breaks the line (<c>w:br</c>) after the first sentence.</summary>
    public FormFiller InsertTabAndBreak(string tag, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        var text = VisibleText(sdt);
        var cut = SentenceCut(text);
        var container = ClearContent(sdt);
        container.Append(
            new Run(new TabChar()),
            TextRun(text[..cut], RsidA),
            new Run(new Break()),
            TextRun(text[cut..], RsidA));
        return this;
    }

    /// <summary>
    /// Wraps the first run the way Word 2003–2007 tagged person names. The SDK has no <c>w:smartTag</c>
    /// class, so by default this writes the schema-valid <c>w:customXml</c> run wrapper with the smart-tag
    /// uri and element; <paramref name="raw"/> writes a literal <c>w:smartTag</c> (not schema-valid for the validator).
    /// </summary>
    public FormFiller WrapInSmartTag(string tag, bool raw = false, int ordinal = 0)
    {
        const string smartTagUri = "urn:schemas-microsoft-com:office:smarttags";
        var sdt = Control(Body, tag, ordinal);
        var container = ContentContainer(sdt);
        var run = container.Elements<Run>().First();
        OpenXmlElement wrapper;
        if (raw)
        {
            const string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
            var smartTag = new OpenXmlUnknownElement("w", "smartTag", w);
            smartTag.SetAttribute(new OpenXmlAttribute("w", "uri", w, smartTagUri));
            smartTag.SetAttribute(new OpenXmlAttribute("w", "element", w, "PersonName"));
            wrapper = smartTag;
        }
        else
        {
            // The SDK writes uri unqualified (its validator rejects w:uri), so the fixture stays schema-valid.
            wrapper = new CustomXmlRun { Uri = smartTagUri, Element = "PersonName" };
        }

        run.InsertBeforeSelf(wrapper);
        run.Remove();
        wrapper.AppendChild(run);
        return this;
    }

    /// <summary>
    /// Turns the last third of the text into a field whose result is that text: a complex field
    /// (<c>w:fldChar</c>/<c>w:instrText</c>) or a <c>w:fldSimple</c>. The result counts, the instruction does not.
    /// </summary>
    public FormFiller InsertField(string tag, bool simple = false, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        var text = VisibleText(sdt);
        var cut = text.Length * 2 / 3;
        var result = text[cut..];
        var instruction = $" QUOTE \"{result}\" ";
        var container = ClearContent(sdt);
        container.Append(TextRun(text[..cut], RsidA));
        if (simple)
        {
            container.Append(new SimpleField(TextRun(result, RsidA)) { Instruction = instruction });
        }
        else
        {
            container.Append(
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                TextRun(result, RsidA),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        }

        return this;
    }

    /// <summary>Removes <c>w:lock</c> from a control (another editor ignoring the lock).</summary>
    public FormFiller RemoveLock(string tag, int ordinal = 0)
    {
        Control(Body, tag, ordinal).SdtProperties?.RemoveAllChildren<DocumentFormat.OpenXml.Wordprocessing.Lock>();
        return this;
    }

    /// <summary>
    /// Pastes formatted text: runs with their own rPr (font, colour, bold) and, for each further
    /// line, a paragraph with a different style and direct formatting.
    /// </summary>
    public FormFiller PasteFormatted(string tag, string text, int ordinal = 0)
    {
        var sdt = Control(Body, tag, ordinal);
        RemovePlaceholderFlag(sdt);
        var lines = text.Split('\n');
        if (sdt is SdtBlock block)
        {
            var content = block.SdtContentBlock ?? throw new InvalidOperationException("Block control without content.");
            var first = content.Elements<Paragraph>().FirstOrDefault()?.ParagraphProperties?.CloneNode(true);
            content.RemoveAllChildren();
            var paragraph = new Paragraph();
            if (first is not null)
            {
                paragraph.Append(first);
            }

            paragraph.Append(FormattedRuns(lines[0]));
            content.Append(paragraph);
            foreach (var line in lines.Skip(1))
            {
                content.Append(new Paragraph(
                    new ParagraphProperties(
                        new ParagraphStyleId { Val = "Normal" },
                        new SpacingBetweenLines { Before = "120", After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto },
                        new Indentation { FirstLine = "480" }),
                    new Run(new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", EastAsia = "楷体" }, new Italic(), new FontSize { Val = "24" }),
                        new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }
        }
        else
        {
            var container = ClearContent(sdt);
            container.Append(FormattedRuns(string.Join(' ', lines)));
        }

        return this;
    }

    /// <summary>Removes our custom XML part (the markers), keeping the document properties.</summary>
    public FormFiller StripCustomXmlPart()
    {
        foreach (var part in Main.CustomXmlParts.ToList())
        {
            string xml;
            using (var reader = new StreamReader(part.GetStream(FileMode.Open, FileAccess.Read)))
            {
                xml = reader.ReadToEnd();
            }

            if (xml.Contains(ApplicationForm.MarkerNamespace, StringComparison.Ordinal))
            {
                Main.DeletePart(part);
            }
        }

        return this;
    }

    /// <summary>Removes every control's <c>w:tag</c> (controls and values stay), as editors that drop tags leave a form.</summary>
    public FormFiller StripTags()
    {
        foreach (var tag in Body.Descendants<Tag>().ToList())
        {
            tag.Remove();
        }

        return this;
    }

    /// <summary>Removes every table: the labels and values are gone, only the headings and notes stay.</summary>
    public FormFiller RemoveTables()
    {
        foreach (var table in Body.Elements<Table>().ToList())
        {
            table.Remove();
        }

        return this;
    }

    /// <summary>Removes the custom document properties (docProps/custom.xml).</summary>
    public FormFiller StripDocumentProperties()
    {
        if (document.CustomFilePropertiesPart is { } part)
        {
            document.DeletePart(part);
        }

        return this;
    }

    /// <summary>The visible text of the n-th control with this tag (runs' text, no deleted text or field codes).</summary>
    public string TextOf(string tag, int ordinal = 0) => VisibleText(Control(Body, tag, ordinal));

    public int ItemCount(string repeatTag) => Items(repeatTag).Count;

    /// <summary>The document as saved by Word: a .docx package.</summary>
    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        using (document.Clone(output, isEditable: true))
        {
        }

        return DeterministicPackage.Normalize(output.ToArray());
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }




    private List<SdtRow> Items(string repeatTag) => FormControls.Items(Body, repeatTag);

    private SdtRow Item(string repeatTag, int index)
    {
        var items = Items(repeatTag);
        return index < items.Count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index), $"{repeatTag} has {items.Count} item(s).");
    }


    private static string? TagOf(SdtElement sdt) => FormControls.TagOf(sdt);

    private static SdtElement Control(OpenXmlElement scope, string tag, int ordinal) => FormControls.Control(scope, tag, ordinal);

    private static void Fill(SdtElement sdt, string text) => FormControls.Fill(sdt, text);

    private static void SetChecked(SdtElement sdt, bool value) => FormControls.SetChecked(sdt, value);

    private static void RemovePlaceholderFlag(SdtElement sdt) => FormControls.RemovePlaceholderFlag(sdt);

    private static OpenXmlCompositeElement ContentContainer(SdtElement sdt) => FormControls.ContentContainer(sdt);

    private static OpenXmlCompositeElement ClearContent(SdtElement sdt) => FormControls.ClearContent(sdt);

    private string NextRevisionId() => (revisionId++).ToString(CultureInfo.InvariantCulture);






    private static OpenXmlCompositeElement LastParagraphOrContent(SdtElement sdt) =>
        sdt is SdtBlock block && block.SdtContentBlock?.Elements<Paragraph>().LastOrDefault() is { } last ? last : ContentContainer(sdt);


    private static string VisibleText(SdtElement sdt) => string.Concat(sdt.Descendants<Text>().Select(t => t.Text));

    private static Run TextRun(string text, string? rsid)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (rsid is not null)
        {
            run.RsidRunAddition = rsid;
        }

        return run;
    }

    private static int SentenceCut(string text)
    {
        var stop = text.IndexOf('。', StringComparison.Ordinal);
        return stop >= 0 && stop < text.Length - 1 ? stop + 1 : text.Length / 2;
    }

    private static IEnumerable<Run> FormattedRuns(string text)
    {
        var cut = Math.Min(text.Length, Math.Max(1, text.Length / 4));
        yield return new Run(
            new RunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "微软雅黑" }, new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = "22" }),
            new Text(text[..cut]) { Space = SpaceProcessingModeValues.Preserve })
        { RsidRunAddition = RsidB };
        if (cut < text.Length)
        {
            yield return new Run(
                new RunProperties(new RunFonts { EastAsia = "仿宋" }, new Color { Val = "C00000" }, new Highlight { Val = HighlightColorValues.Yellow }, new Underline { Val = UnderlineValues.Single }),
                new Text(text[cut..]) { Space = SpaceProcessingModeValues.Preserve })
            { RsidRunAddition = RsidB };
        }
    }

    private static Drawing Picture(string relationshipId, uint drawingId)
    {
        const long size = 1080000L; // 3 cm: the size of a unit seal
        return new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = size, Cy = size },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = drawingId, Name = "单位公章" },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = "seal.png" },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = size, Cy = size }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            });
    }
}
