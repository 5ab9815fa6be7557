using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using StrongChain.Docs.Domain.Forms;
using W14 = DocumentFormat.OpenXml.Office2010.Word;
using W15 = DocumentFormat.OpenXml.Office2013.Word;
using static StrongChain.Docs.Documents.Templates.ApplicationFormTemplate;
using static StrongChain.Docs.Documents.Templates.WordBuilder;

namespace StrongChain.Docs.Documents.Templates;

/// <summary>
/// Writes the content controls of a <see cref="FormCatalogue"/> as Word does (alias, tag, id, placeholder docPart, lock, kind)
/// and the glossary of placeholders: shared by the application form and the progress report form.
/// </summary>
/// <param name="locked">Values of the locked fields, by tag (lines split by <c>\n</c> become paragraphs in a rich control).</param>
internal sealed class FormControlWriter(FormCatalogue catalogue, IReadOnlyDictionary<string, string> locked)
{
    private int nextId = 1;

    public GlossaryDocument CreateGlossary()
    {
        var parts = new DocParts();
        foreach (var field in catalogue.Fields.Where(HasPlaceholder))
        {
            var name = PlaceholderDocPartName(field.Tag);
            parts.Append(new DocPart(
                new DocPartProperties(
                    new DocPartName { Val = name },
                    new Category(new Name { Val = "General" }, new Gallery { Val = DocPartGalleryValues.Placeholder }),
                    new DocPartTypes(new DocPartType { Val = DocPartValues.SdtPlaceholder }),
                    new Behaviors(new Behavior { Val = DocPartBehaviorValues.Content }),
                    new DocPartId { Val = "{" + StableGuid("strongchain:docpart:" + field.Tag).ToString("D").ToUpperInvariant() + "}" }),
                new DocPartBody(new Paragraph(PlaceholderRun(field.Placeholder)))));
        }

        var glossary = new GlossaryDocument(parts);
        DeclareNamespaces(glossary);
        return glossary;
    }

    public static bool HasPlaceholder(FormField field) => !field.Locked && field.Placeholder.Length > 0;

    /// <summary>Placeholder text in the PlaceholderText style; the direct grey is for viewers that drop styles inside plain-text controls.</summary>
    public static Run PlaceholderRun(string text)
    {
        var props = RunProps(characterStyle: TemplateStyles.PlaceholderText);
        props.Append(new Color { Val = "808080" });
        return Run(text, props);
    }


    public Table RepeatTable(RepeatSection repeat)
    {
        var children = catalogue.FieldsOf(repeat).ToList();
        var weights = children.Select(ColumnWeight).ToList();
        var unit = (double)TextWidth / weights.Sum();
        var columns = weights.Select(w => (int)(w * unit)).ToList();
        columns[^1] += TextWidth - columns.Sum();
        var style = children.Count > 4 ? TemplateStyles.TableDense : TemplateStyles.TableCompact;

        var table = Table(TemplateStyles.FormTable, columns, cellMargin: children.Count > 4 ? 57 : null);
        table.Append(Row(
            children.Select((f, i) => Cell(columns[i], [KeepWithNext(Paragraph(style, null, Run(f.Label, RunProps(bold: true))))], fill: TemplateStyles.LabelFill)),
            header: true));

        var itemRow = Row(children.Select((f, i) => Cell(columns[i], ValueContent(f, style))), minHeight: 480);
        var item = new SdtRow(
            new SdtProperties(new SdtId { Val = nextId++ }, new W15.SdtRepeatedSectionItem()),
            new SdtContentRow(itemRow));
        var section = new SdtRow(
            new SdtProperties(
                new SdtAlias { Val = repeat.Label },
                new Tag { Val = repeat.Tag },
                new SdtId { Val = nextId++ },
                new W15.SdtRepeatedSection()),
            new SdtContentRow(item));
        table.Append(section);
        return table;
    }

    private static Paragraph KeepWithNext(Paragraph paragraph)
    {
        paragraph.ParagraphProperties!.Append(new KeepNext());
        return paragraph;
    }

    /// <summary>Column width in proportion to the longer of label and placeholder: the text a column must show.</summary>
    private static double ColumnWeight(FormField field) =>
        Math.Max(4, Math.Max(field.Label.Length, field.Placeholder.Length));

    /// <summary>Cell content for a field: a paragraph with an inline control, or a block control for rich text and pictures.</summary>
    public IEnumerable<OpenXmlElement> ValueContent(FormField field, string paragraphStyle)
    {
        if (field.Kind is FieldKind.Rich or FieldKind.Picture)
        {
            if (field.Locked && locked.TryGetValue(field.Tag, out var lines) && lines.Contains('\n', StringComparison.Ordinal))
            {
                return [new SdtBlock(Properties(field), new SdtContentBlock(lines.Split('\n').Select(l => Paragraph(paragraphStyle, null, Run(l)))))];
            }

            var paragraph = Paragraph(paragraphStyle, null);
            if (field.Kind == FieldKind.Rich)
            {
                paragraph.Append(Content(field));
            }

            return [new SdtBlock(Properties(field), new SdtContentBlock(paragraph))];
        }

        return [Paragraph(paragraphStyle, null, Control(field))];
    }

    public SdtRun Control(FormField field) => new(Properties(field), new SdtContentRun(Content(field)));

    private Run Content(FormField field)
    {
        if (field.Locked)
        {
            return Run(locked.TryGetValue(field.Tag, out var value)
                ? value
                : throw new InvalidOperationException($"No demand value for locked field {field.Tag}."));
        }

        return field.Kind == FieldKind.Check
            ? Run(UncheckedGlyph, new RunProperties(new RunFonts { Ascii = CheckBoxFont, HighAnsi = CheckBoxFont, EastAsia = CheckBoxFont, Hint = FontTypeHintValues.EastAsia }))
            : PlaceholderRun(field.Placeholder);
    }

    private SdtProperties Properties(FormField field)
    {
        var props = new SdtProperties();
        if (field.Kind == FieldKind.Check)
        {
            props.Append(new RunProperties(new RunFonts { Ascii = CheckBoxFont, HighAnsi = CheckBoxFont, EastAsia = CheckBoxFont }));
        }

        props.Append(new SdtAlias { Val = field.Label }, new Tag { Val = field.Tag }, new SdtId { Val = nextId++ });
        if (field.Locked)
        {
            props.Append(new DocumentFormat.OpenXml.Wordprocessing.Lock { Val = LockingValues.SdtContentLocked });
        }

        if (HasPlaceholder(field))
        {
            props.Append(new SdtPlaceholder(new DocPartReference { Val = PlaceholderDocPartName(field.Tag) }), new ShowingPlaceholder());
        }

        switch (field.Kind)
        {
            case FieldKind.Text:
                props.Append(new SdtContentText());
                break;
            case FieldKind.Date:
                props.Append(new SdtContentDate(
                    new DateFormat { Val = "yyyy-MM-dd" },
                    new LanguageId { Val = "zh-CN" },
                    new SdtDateMappingType { Val = DateFormatValues.DateTime },
                    new DocumentFormat.OpenXml.Wordprocessing.Calendar { Val = CalendarValues.Gregorian }));
                break;
            case FieldKind.List:
                props.Append(new SdtContentDropDownList(field.Options.Select(o => new ListItem { DisplayText = o, Value = o })));
                break;
            case FieldKind.Check:
                props.Append(new W14.SdtContentCheckBox(
                    new W14.Checked { Val = W14.OnOffValues.Zero },
                    new W14.CheckedState { Val = "2612", Font = CheckBoxFont },
                    new W14.UncheckedState { Val = "2610", Font = CheckBoxFont }));
                break;
            case FieldKind.Picture:
                props.Append(new SdtContentPicture());
                break;
            case FieldKind.Rich:
                break;
        }

        return props;
    }
}
