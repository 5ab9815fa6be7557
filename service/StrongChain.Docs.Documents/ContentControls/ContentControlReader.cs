using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using M = DocumentFormat.OpenXml.Math;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using V = DocumentFormat.OpenXml.Vml;
using W14 = DocumentFormat.OpenXml.Office2010.Word;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>
/// Reads every content control of a .docx in document order (api.md, "Forms"): the main document,
/// then headers and footers in the order the sections reference them, then footnotes and endnotes.
/// </summary>
/// <remarks>One pass over each part's tree; text is collected into every open control at once, so nested
/// controls never cost a second walk.</remarks>
public static class ContentControlReader
{
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Every content control of the document, as the fields endpoint answers them.</summary>
    public static IReadOnlyList<ContentControlInfo> Read(WordprocessingDocument document)
    {
        var details = ReadDetailed(document);
        var infos = new ContentControlInfo[details.Count];
        for (var i = 0; i < infos.Length; i++)
        {
            infos[i] = details[i].Info;
        }

        return infos;
    }

    /// <summary>Every content control with its parent, repeating-item position and image flag.</summary>
    public static IReadOnlyList<ContentControlDetail> ReadDetailed(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart;
        if (main?.Document is not { } body)
        {
            return [];
        }

        var walker = new Walker();
        walker.WalkPart(body, ContentControlParts.Document);

        var (headers, footers) = HeadersAndFooters(main, walker.Sections);
        foreach (var header in headers)
        {
            if (header.Header is { } root)
            {
                walker.WalkPart(root, ContentControlParts.Header);
            }
        }

        foreach (var footer in footers)
        {
            if (footer.Footer is { } root)
            {
                walker.WalkPart(root, ContentControlParts.Footer);
            }
        }

        if (main.FootnotesPart?.Footnotes is { } footnotes)
        {
            walker.WalkPart(footnotes, ContentControlParts.Footnotes);
        }

        if (main.EndnotesPart?.Endnotes is { } endnotes)
        {
            walker.WalkPart(endnotes, ContentControlParts.Endnotes);
        }

        return walker.Results();
    }

    /// <summary>Headers and footers in the order section properties reference them, unreferenced ones last.</summary>
    private static (List<HeaderPart> Headers, List<FooterPart> Footers) HeadersAndFooters(
        MainDocumentPart main, List<SectionProperties> sections)
    {
        var headers = new List<HeaderPart>();
        var footers = new List<FooterPart>();
        foreach (var section in sections)
        {
            for (var child = section.FirstChild; child is not null; child = child.NextSibling())
            {
                var id = child switch
                {
                    HeaderReference h => h.Id?.Value,
                    FooterReference f => f.Id?.Value,
                    _ => null,
                };
                if (id is null || !main.TryGetPartById(id, out var part))
                {
                    continue;
                }

                if (part is HeaderPart header && !headers.Contains(header))
                {
                    headers.Add(header);
                }
                else if (part is FooterPart footer && !footers.Contains(footer))
                {
                    footers.Add(footer);
                }
            }
        }

        headers.AddRange(main.HeaderParts.Where(h => !headers.Contains(h)).ToList());
        footers.AddRange(main.FooterParts.Where(f => !footers.Contains(f)).ToList());
        return (headers, footers);
    }

    private static bool IsOn(string? raw) =>
        raw is null
        || raw == "1"
        || raw.Equals("true", StringComparison.OrdinalIgnoreCase)
        || raw.Equals("on", StringComparison.OrdinalIgnoreCase);

    private static (string Kind, bool? Checked) Classify(SdtProperties? properties)
    {
        if (properties is null)
        {
            return (ContentControlKinds.RichText, null);
        }

        for (var child = properties.FirstChild; child is not null; child = child.NextSibling())
        {
            switch (child)
            {
                case SdtContentText: return (ContentControlKinds.Text, null);
                case SdtContentRichText: return (ContentControlKinds.RichText, null);
                case SdtContentDate: return (ContentControlKinds.Date, null);
                case SdtContentDropDownList: return (ContentControlKinds.DropDownList, null);
                case SdtContentComboBox: return (ContentControlKinds.ComboBox, null);
                case W14.SdtContentCheckBox box:
                    var mark = box.GetFirstChild<W14.Checked>();
                    return (ContentControlKinds.CheckBox, mark is not null && IsOn(mark.Val?.InnerText));
                case SdtContentPicture: return (ContentControlKinds.Picture, null);
                case W15.SdtRepeatedSection: return (ContentControlKinds.RepeatingSection, null);
                case W15.SdtRepeatedSectionItem: return (ContentControlKinds.RepeatingSectionItem, null);
                case SdtContentGroup: return (ContentControlKinds.Group, null);
                case SdtContentDocPartObject or SdtContentDocPartList: return (ContentControlKinds.DocPart, null);
                case SdtContentCitation: return (ContentControlKinds.Citation, null);
                case SdtContentBibliography: return (ContentControlKinds.Bibliography, null);
                case SdtContentEquation: return (ContentControlKinds.Equation, null);
            }
        }

        // Word's default control (no type element) is rich text.
        return (ContentControlKinds.RichText, null);
    }

    /// <summary>A control being read: where its text goes and what its children need to know.</summary>
    private sealed class Frame(int entry, string kind, bool placeholder)
    {
        public int Entry { get; } = entry;
        public string Kind { get; } = kind;
        public bool Placeholder { get; } = placeholder;
        public StringBuilder Text { get; } = new();
        public bool HasParagraph { get; set; }
        public bool LastMarkDeleted { get; set; }
        public bool HasImage { get; set; }
        public int Items { get; set; }
    }

    private sealed class Entry
    {
        public required string? Tag { get; init; }
        public required string? Alias { get; init; }
        public required string Kind { get; init; }
        public required bool Placeholder { get; init; }
        public required bool? Checked { get; init; }
        public required string Part { get; init; }
        public required int Depth { get; init; }
        public required int? Parent { get; init; }
        public required int? ItemIndex { get; init; }
        public required string? SectionTag { get; init; }
        public string Text { get; set; } = "";
        public bool HasImage { get; set; }
    }

    private sealed class Walker
    {
        private readonly List<Entry> entries = [];
        private readonly List<Frame> frames = [];

        // Complex fields: true while in the field code (begin..separate), false in the result.
        private readonly List<bool> fields = [];
        private int inCode;
        private string part = ContentControlParts.Document;

        public List<SectionProperties> Sections { get; } = [];

        public void WalkPart(OpenXmlElement root, string partName)
        {
            part = partName;
            fields.Clear();
            inCode = 0;
            frames.Clear();
            WalkChildren(root);
        }

        public List<ContentControlDetail> Results()
        {
            var results = new List<ContentControlDetail>(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                var info = new ContentControlInfo(e.Tag, e.Alias, e.Kind, e.Placeholder, e.Text, e.Checked, e.Part, e.Depth);
                results.Add(new ContentControlDetail(info, i, e.Parent, e.ItemIndex, e.SectionTag, e.HasImage));
            }

            return results;
        }

        private void WalkChildren(OpenXmlElement element)
        {
            for (var child = element.FirstChild; child is not null; child = child.NextSibling())
            {
                Walk(child);
            }
        }

        private void Walk(OpenXmlElement element)
        {
            switch (element)
            {
                case Text t:
                    Emit(t.Text);
                    break;
                case M.Text t:
                    Emit(t.Text);
                    break;
                case TabChar or PositionalTab:
                    Emit("\t");
                    break;
                case Break or CarriageReturn:
                    Emit("\n");
                    break;
                case NoBreakHyphen:
                    Emit("-");
                    break;
                case SymbolChar symbol:
                    EmitSymbol(symbol.Char?.Value);
                    break;
                case FieldChar fieldChar:
                    OnFieldChar(fieldChar);
                    break;
                case Paragraph paragraph:
                    WalkParagraph(paragraph);
                    break;
                case SdtElement sdt:
                    WalkSdt(sdt);
                    break;
                case SectionProperties section:
                    if (part == ContentControlParts.Document)
                    {
                        Sections.Add(section);
                    }

                    break;

                // Not visible: field codes, tracked deletions, moved-from text, ruby guides, properties.
                case FieldCode or DeletedFieldCode or DeletedText or DeletedRun or MoveFromRun or RubyContent:
                case RunProperties or ParagraphProperties or SdtProperties or SdtEndCharProperties:
                case TableProperties or TableRowProperties or TableCellProperties or TableGrid or TablePropertyExceptions:
                    break;

                case AlternateContent alternate:
                    // Choice and fallback show the same content twice: read only the first of them.
                    if (alternate.FirstChild is { } first)
                    {
                        WalkChildren(first);
                    }

                    break;
                case Drawing or Pic.Picture or V.ImageData:
                    MarkImage();
                    WalkChildren(element);
                    break;
                case OpenXmlUnknownElement unknown:
                    WalkUnknown(unknown);
                    break;
                default:
                    WalkChildren(element);
                    break;
            }
        }

        /// <summary>Elements the SDK did not type (raw XML added in memory): read by name.</summary>
        private void WalkUnknown(OpenXmlUnknownElement element)
        {
            if (element.NamespaceUri != WordNs)
            {
                WalkChildren(element);
                return;
            }

            switch (element.LocalName)
            {
                case "t":
                    Emit(element.InnerText);
                    break;
                case "tab" or "ptab":
                    Emit("\t");
                    break;
                case "br" or "cr":
                    Emit("\n");
                    break;
                case "noBreakHyphen":
                    Emit("-");
                    break;
                case "instrText" or "delInstrText" or "delText" or "del" or "moveFrom" or "rPr" or "pPr" or "sdtPr" or "sdtEndPr":
                    break;
                default:
                    WalkChildren(element);
                    break;
            }
        }

        private void WalkParagraph(Paragraph paragraph)
        {
            for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
            {
                var frame = frames[i];
                if (frame.HasParagraph && !frame.LastMarkDeleted)
                {
                    frame.Text.Append('\n');
                }

                frame.HasParagraph = true;
                frame.LastMarkDeleted = false;
            }

            WalkChildren(paragraph);

            // A deleted (or moved-away) paragraph mark joins this paragraph to the next one.
            var mark = paragraph.ParagraphProperties?.ParagraphMarkRunProperties;
            var markDeleted = mark is not null && (mark.GetFirstChild<Deleted>() is not null || mark.GetFirstChild<MoveFrom>() is not null);
            if (markDeleted)
            {
                for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
                {
                    frames[i].LastMarkDeleted = true;
                }
            }
        }

        private void WalkSdt(SdtElement sdt)
        {
            var properties = sdt.SdtProperties;
            var (kind, isChecked) = Classify(properties);
            var placeholder = properties?.GetFirstChild<ShowingPlaceholder>() is { } showing && IsOn(showing.Val?.InnerText);

            int? itemIndex = null;
            string? sectionTag = null;
            if (kind == ContentControlKinds.RepeatingSectionItem)
            {
                for (var i = frames.Count - 1; i >= 0; i--)
                {
                    if (frames[i].Kind == ContentControlKinds.RepeatingSection)
                    {
                        itemIndex = frames[i].Items++;
                        sectionTag = entries[frames[i].Entry].Tag;
                        break;
                    }
                }
            }

            var entry = new Entry
            {
                Tag = properties?.GetFirstChild<Tag>()?.Val?.Value,
                Alias = properties?.GetFirstChild<SdtAlias>()?.Val?.Value,
                Kind = kind,
                Placeholder = placeholder,
                Checked = isChecked,
                Part = part,
                Depth = frames.Count,
                Parent = frames.Count > 0 ? frames[^1].Entry : null,
                ItemIndex = itemIndex,
                SectionTag = sectionTag,
            };
            entries.Add(entry);
            var frame = new Frame(entries.Count - 1, kind, placeholder);
            frames.Add(frame);

            WalkChildren(sdt);

            frames.RemoveAt(frames.Count - 1);
            entry.Text = placeholder ? "" : frame.Text.ToString();
            entry.HasImage = !placeholder && frame.HasImage;
        }

        private void OnFieldChar(FieldChar fieldChar)
        {
            var type = fieldChar.FieldCharType?.Value;
            if (type == FieldCharValues.Begin)
            {
                fields.Add(true);
                inCode++;
            }
            else if (type == FieldCharValues.Separate)
            {
                if (fields.Count > 0 && fields[^1])
                {
                    fields[^1] = false;
                    inCode--;
                }
            }
            else if (type == FieldCharValues.End && fields.Count > 0)
            {
                if (fields[^1])
                {
                    inCode--;
                }

                fields.RemoveAt(fields.Count - 1);
            }
        }

        private void EmitSymbol(string? hex)
        {
            if (hex is not null && int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0xFFFF)
            {
                Emit(((char)code).ToString());
            }
        }

        /// <summary>Visible text goes to every open control up to (not into) one that shows its placeholder.</summary>
        private void Emit(string text)
        {
            if (inCode > 0 || text.Length == 0)
            {
                return;
            }

            for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
            {
                frames[i].Text.Append(text);
            }
        }

        private void MarkImage()
        {
            for (var i = frames.Count - 1; i >= 0 && !frames[i].Placeholder; i--)
            {
                frames[i].HasImage = true;
            }
        }
    }
}
