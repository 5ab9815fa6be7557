using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.FilledForms;

/// <summary>
/// Reads a form back from its own layout when another editor lost its content controls: under each section heading
/// of the form's <see cref="FormLabels"/> (the application form's or the progress report's), the value cell beside a label cell, the ☒/☐ cell beside a declaration, and the rows
/// under a repeating section's header row. Values it cannot place are reported missing, never guessed.
/// </summary>
public static class LabelRecovery
{
    /// <summary>The form as read by tag (markers, editor) with its values replaced by those found by label.</summary>
    public static FilledForm Recover(FilledForm read, IReadOnlyList<LayoutBlock> layout) => Recover(read, layout, FormLabels.Application);

    /// <summary>The form as read by tag with its values replaced by those found by the labels of <paramref name="labels"/>.</summary>
    public static FilledForm Recover(FilledForm read, IReadOnlyList<LayoutBlock> layout, FormLabels labels)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(labels);
        var catalogue = labels.Catalogue;

        var values = new List<FilledValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeatItems = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        FormSection? section = null;

        void Add(FormField field, int? item, LayoutCell cell)
        {
            var path = FormCatalogue.PathOf(field, item);
            if (field.Kind == FieldKind.Check && cell.Checked is null)
            {
                return; // no glyph to read: the box is unknown, not unticked
            }

            // The first label row wins, as the first filled control does when reading by tag.
            if (seen.Add(path))
            {
                values.Add(new FilledValue(path, field.Tag, 0, field.Kind == FieldKind.Check ? "" : cell.Text, cell.Checked, false, cell.HasImage));
            }
        }

        foreach (var block in layout)
        {
            if (block.Paragraph is { } paragraph)
            {
                section = labels.SectionOfHeading(paragraph) ?? section;
                continue;
            }

            // Tables before the first heading are the cover's: its labels repeat the demand's, but it is not the form.
            if (block.Rows is not { } rows || section is null)
            {
                continue;
            }

            RepeatSection? repeat = null;
            var item = 0;
            foreach (var row in rows)
            {
                if (repeat is not null)
                {
                    var children = catalogue.FieldsOf(repeat).ToList();
                    if (row.Count == children.Count)
                    {
                        for (var i = 0; i < children.Count; i++)
                        {
                            Add(children[i], item, row[i]);
                        }

                        item++;
                    }

                    continue;
                }

                if (labels.RepeatOfHeader(section, [.. row.Select(c => c.Text)]) is { } header
                    && !repeatItems.ContainsKey(header.Tag))
                {
                    repeat = header;
                    continue;
                }

                if (row.Count == 2)
                {
                    if (labels.FieldOfLabel(section, row[0].Text) is { } field)
                    {
                        Add(field, null, row[1]);
                    }
                    else if (labels.CheckOfStatement(section, row[1].Text) is { } check)
                    {
                        Add(check, null, row[0]);
                    }
                }
            }

            if (repeat is not null)
            {
                repeatItems[repeat.Tag] = item;
            }
        }

        var found = 0;
        foreach (var field in labels.SingleFields)
        {
            if (seen.Contains(field.Tag))
            {
                found++;
            }
            else
            {
                missing.Add(field.Tag);
            }
        }

        foreach (var repeat in catalogue.Repeats)
        {
            if (!repeatItems.ContainsKey(repeat.Tag))
            {
                missing.Add(repeat.Tag);
                repeatItems[repeat.Tag] = 0;
            }
        }

        var recovered = values.Where(v => !string.IsNullOrWhiteSpace(v.Text) || v.Checked == true || v.HasImage).Select(v => v.Path).ToList();
        var readable = found * 2 >= labels.SingleFields.Count;
        return read with { Values = values, RepeatItems = repeatItems, Recovery = new FormRecovery(readable, recovered, missing) };
    }
}
