using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Domain.Forms;
using W14 = DocumentFormat.OpenXml.Office2010.Word;
using W15 = DocumentFormat.OpenXml.Office2013.Word;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>
/// Writes values into the template's content controls the way Word does when a person types: the placeholder flag goes,
/// a date control keeps its full date, a list its last value, a check box its state and glyph, and a repeating
/// section's new item is a copy of the last one with new ids and its children back on their placeholders.
/// </summary>
public static class FormControls
{
    public static string? TagOf(SdtElement sdt)
    {
        ArgumentNullException.ThrowIfNull(sdt);
        return sdt.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
    }

    /// <summary>The n-th control with this tag under <paramref name="scope"/>, in document order.</summary>
    public static SdtElement Control(OpenXmlElement scope, string tag, int ordinal = 0)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Descendants<SdtElement>().Where(s => TagOf(s) == tag).ElementAtOrDefault(ordinal)
            ?? throw new ArgumentException($"No control tagged {tag} (#{ordinal}).", nameof(tag));
    }

    /// <summary>The items of a repeating section, in document order.</summary>
    public static List<SdtRow> Items(Body body, string repeatTag)
    {
        var section = Control(body, repeatTag) as SdtRow ?? throw new ArgumentException($"{repeatTag} is not a repeating section row.", nameof(repeatTag));
        return [.. section.SdtContentRow!.Elements<SdtRow>().Where(r => r.SdtProperties?.GetFirstChild<W15.SdtRepeatedSectionItem>() is not null)];
    }

    /// <summary>Adds an item after the last one, as Word's "+" does: new ids, children back to their placeholders.</summary>
    public static SdtRow AddItem(Body body, string repeatTag)
    {
        ArgumentNullException.ThrowIfNull(body);
        var last = Items(body, repeatTag)[^1];
        var clone = (SdtRow)last.CloneNode(true);
        var id = NextSdtId(body);
        foreach (var sdtId in clone.Descendants<SdtId>())
        {
            sdtId.Val = id++;
        }

        foreach (var child in clone.Descendants<SdtElement>().Where(s => TagOf(s) is not null).ToList())
        {
            ResetToPlaceholder(child);
        }

        last.InsertAfterSelf(clone);
        return clone;
    }

    /// <summary>Types text into a text, rich text, date or list control: lines as breaks (inline) or paragraphs (block), tabs as tabs.</summary>
    public static void Fill(SdtElement sdt, string text)
    {
        ArgumentNullException.ThrowIfNull(sdt);
        ArgumentNullException.ThrowIfNull(text);
        var props = sdt.SdtProperties ?? throw new InvalidOperationException("Control without properties.");
        RemovePlaceholderFlag(sdt);
        if (props.GetFirstChild<SdtContentDate>() is { } date)
        {
            date.FullDate = DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);
        }

        if (props.GetFirstChild<SdtContentDropDownList>() is { } list)
        {
            list.LastValue = text;
        }

        if (sdt is SdtBlock block)
        {
            var content = block.SdtContentBlock ?? throw new InvalidOperationException("Block control without content.");
            var pPr = content.Elements<Paragraph>().FirstOrDefault()?.ParagraphProperties;
            content.RemoveAllChildren();
            foreach (var line in text.Split('\n'))
            {
                var paragraph = new Paragraph();
                if (pPr is not null)
                {
                    paragraph.Append(pPr.CloneNode(true));
                }

                paragraph.Append(TextRuns(line));
                content.Append(paragraph);
            }

            return;
        }

        var container = ClearContent(sdt);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                container.Append(new Run(new Break()));
            }

            container.Append(TextRuns(lines[i]));
        }
    }

    /// <summary>Ticks (or clears) a w14 check box: <c>w14:checked</c> and the glyph, as Word does.</summary>
    public static void SetChecked(SdtElement sdt, bool value)
    {
        ArgumentNullException.ThrowIfNull(sdt);
        var box = sdt.SdtProperties?.GetFirstChild<W14.SdtContentCheckBox>() ?? throw new ArgumentException($"{TagOf(sdt)} is not a check box.", nameof(sdt));
        var state = box.GetFirstChild<W14.Checked>() ?? box.PrependChild(new W14.Checked());
        state.Val = value ? W14.OnOffValues.One : W14.OnOffValues.Zero;
        var glyph = sdt.Descendants<Text>().FirstOrDefault() ?? throw new InvalidOperationException("Check box without glyph.");
        glyph.Text = value ? ApplicationFormTemplate.CheckedGlyph : ApplicationFormTemplate.UncheckedGlyph;
    }

    /// <summary>Puts a control back on its placeholder text (a check box unticked), as a new repeating item's children are.</summary>
    public static void ResetToPlaceholder(SdtElement sdt)
    {
        ArgumentNullException.ThrowIfNull(sdt);
        var tag = TagOf(sdt) ?? "";
        var field = ApplicationForm.FindField(tag) ?? Domain.Reports.ProgressReportForm.FindField(tag);
        var props = sdt.SdtProperties!;
        if (field is null)
        {
            return;
        }

        if (field.Kind == FieldKind.Check)
        {
            SetChecked(sdt, false);
            return;
        }

        if (props.GetFirstChild<SdtContentDate>() is { } date)
        {
            date.FullDate = null;
        }

        if (props.GetFirstChild<SdtContentDropDownList>() is { } list)
        {
            list.LastValue = null;
        }

        var container = ClearContent(sdt);
        if (field.Placeholder.Length > 0 && props.GetFirstChild<SdtPlaceholder>() is { } placeholder)
        {
            if (props.GetFirstChild<ShowingPlaceholder>() is null)
            {
                placeholder.InsertAfterSelf(new ShowingPlaceholder());
            }

            container.Append(new Run(new RunProperties(new RunStyle { Val = "PlaceholderText" }, new Color { Val = "808080" }), new Text(field.Placeholder) { Space = SpaceProcessingModeValues.Preserve }));
        }
    }

    public static void RemovePlaceholderFlag(SdtElement sdt)
    {
        ArgumentNullException.ThrowIfNull(sdt);
        sdt.SdtProperties?.RemoveAllChildren<ShowingPlaceholder>();
    }

    /// <summary>The element holding the value's runs: the run-level content, or the block's first paragraph.</summary>
    public static OpenXmlCompositeElement ContentContainer(SdtElement sdt) => sdt switch
    {
        SdtRun run => run.SdtContentRun ?? run.AppendChild(new SdtContentRun()),
        SdtBlock block => (OpenXmlCompositeElement?)block.SdtContentBlock?.Elements<Paragraph>().FirstOrDefault()
            ?? (block.SdtContentBlock ?? block.AppendChild(new SdtContentBlock())).AppendChild(new Paragraph()),
        _ => throw new NotSupportedException($"Control {TagOf(sdt)} is a {sdt.LocalName} element."),
    };

    /// <summary>Empties the value (keeping one paragraph and its properties for block controls) and returns its container.</summary>
    public static OpenXmlCompositeElement ClearContent(SdtElement sdt)
    {
        if (sdt is SdtBlock block && block.SdtContentBlock is { } content)
        {
            foreach (var extra in content.Elements<Paragraph>().Skip(1).ToList())
            {
                extra.Remove();
            }
        }

        var container = ContentContainer(sdt);
        foreach (var child in container.ChildElements.Where(c => c is not ParagraphProperties).ToList())
        {
            child.Remove();
        }

        return container;
    }

    public static int NextSdtId(Body body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Descendants<SdtId>().Select(i => i.Val?.Value ?? 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>One line as Word writes it: text runs with a <c>w:tab</c> run for each tab.</summary>
    private static IEnumerable<Run> TextRuns(string line)
    {
        var pieces = line.Split('\t');
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                yield return new Run(new TabChar());
            }

            if (pieces[i].Length > 0 || pieces.Length == 1)
            {
                yield return new Run(new Text(pieces[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
    }
}
