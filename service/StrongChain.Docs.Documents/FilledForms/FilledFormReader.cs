using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.Packages;
using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Documents.FilledForms;

/// <summary>
/// Reads a filled application form back by content-control tag (application-form.md): the markers,
/// one value per field path, and the number of items of every repeating section.
/// </summary>
public static class FilledFormReader
{
    /// <summary>Guards and reads an upload; bad uploads throw <see cref="DocumentRejectedException"/>.</summary>
    public static FilledForm Read(Stream stream, PackageLimits? limits = null)
    {
        if (stream is MemoryStream memory && memory.Position == 0)
        {
            return Read(memory.ToArray(), limits);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray(), limits);
    }

    /// <summary>Guards and reads an upload held in memory; bad uploads throw <see cref="DocumentRejectedException"/>.</summary>
    public static FilledForm Read(byte[] docx, PackageLimits? limits = null)
    {
        var package = WordPackage.Read(docx, limits ?? PackageLimits.Default);
        var form = Read(package);
        if (!NeedsRecovery(form, package))
        {
            return form;
        }

        var recovered = LabelRecovery.Recover(form, LayoutReader.Read(docx, package.MainPartName));
        if (recovered.Recovery!.Readable)
        {
            return recovered;
        }

        // Neither tags nor labels: with no catalogue tag left at all nothing can be read (form-structure-lost); with
        // some left, someone cut the form down in Word, and reading by tag names what is missing, as before.
        return form.Values.Count == 0 ? form with { Recovery = recovered.Recovery } : form;
    }

    /// <summary>
    /// A form of ours (this template version) whose controls another editor lost: fewer than half of the single-field
    /// tags are left (<see cref="TemplateLabels.StructureLost"/>), so its values can only be found again by label.
    /// </summary>
    public static bool NeedsRecovery(FilledForm form, WordPackage package)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(package);
        return form.Markers.IsOurs && form.Markers.TemplateVersion == TemplateLabels.Version
            && TemplateLabels.StructureLost(package.Controls.Select(c => c.Info.Tag));
    }

    public static FilledForm Read(WordPackage package) => Read(package, ApplicationForm.Catalogue);

    /// <summary>
    /// Reads an upload of another catalogue's form (the progress report): guarded as every upload, values by tag, and by the
    /// catalogue's labels when fewer than half of its single-field tags are left (another editor lost the controls).
    /// </summary>
    public static FilledForm Read(byte[] docx, FormCatalogue catalogue, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var package = WordPackage.Read(docx, limits ?? PackageLimits.Default);
        var form = Read(package, catalogue);
        var labels = new FormLabels(catalogue);
        if (!labels.StructureLost(package.Controls.Select(c => c.Info.Tag)))
        {
            return form;
        }

        var recovered = LabelRecovery.Recover(form, LayoutReader.Read(docx, package.MainPartName), labels);
        return recovered.Recovery!.Readable || form.Values.Count == 0 ? recovered : form;
    }

    public static FilledForm Read(WordPackage package, FormCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(catalogue);
        var markers = ReadMarkers(package);
        var controls = package.Controls;

        var values = new List<FilledValue>();
        var slotByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeatItems = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var control in controls)
        {
            var tag = control.Info.Tag;
            if (tag is null)
            {
                continue;
            }

            // Ordinals count every control with the tag, as the add-in's getByTag does (tracked deletions are still in the document).
            ordinals.TryGetValue(tag, out var ordinal);
            ordinals[tag] = ordinal + 1;

            if (control.Info.Kind == ContentControlKinds.RepeatingSection && catalogue.FindRepeat(tag) is not null
                && !repeatItems.ContainsKey(tag))
            {
                repeatItems[tag] = controls.Count(c => c.SectionTag == tag && IsItemOf(controls, c, control.Index));
            }

            if (catalogue.FindField(tag) is not { } field || InDeletedItem(controls, control))
            {
                continue;
            }

            var item = field.Repeat is null ? (int?)null : ItemIndexOf(controls, control, field.Repeat);
            var info = control.Info;
            var value = new FilledValue(
                FormCatalogue.PathOf(field, item),
                tag,
                ordinal,
                info.Text,
                info.Checked,
                info.Placeholder,
                info.Kind == ContentControlKinds.Picture && control.HasImage);

            // Content pasted twice: the first filled-in control wins, in the slot of the first one seen.
            if (slotByPath.TryGetValue(value.Path, out var slot))
            {
                if (values[slot].IsPlaceholder && !value.IsPlaceholder)
                {
                    values[slot] = value;
                }
            }
            else
            {
                slotByPath[value.Path] = values.Count;
                values.Add(value);
            }
        }

        foreach (var repeat in catalogue.Repeats)
        {
            repeatItems.TryAdd(repeat.Tag, 0);
        }

        return new FilledForm(markers, values, repeatItems, package.SavedBy);
    }

    /// <summary>The 0-based item of the nearest enclosing item of section <paramref name="repeat"/>; 0 outside any item.</summary>
    private static int ItemIndexOf(IReadOnlyList<ContentControlDetail> controls, ContentControlDetail control, string repeat)
    {
        for (var parent = control.Parent; parent is { } index; parent = controls[index].Parent)
        {
            var ancestor = controls[index];
            if (ancestor.ItemIndex is { } item && ancestor.SectionTag == repeat)
            {
                return item;
            }
        }

        return 0;
    }

    /// <summary>Whether <paramref name="item"/> is an item of the section control at <paramref name="section"/>.</summary>
    private static bool IsItemOf(IReadOnlyList<ContentControlDetail> controls, ContentControlDetail item, int section)
    {
        if (item.ItemIndex is null)
        {
            return false;
        }

        for (var parent = item.Parent; parent is { } index; parent = controls[index].Parent)
        {
            if (controls[index].Info.Kind == ContentControlKinds.RepeatingSection)
            {
                return index == section;
            }
        }

        return false;
    }

    /// <summary>Whether a control lies inside a repeating item deleted as a tracked change: its value is gone with the item.</summary>
    private static bool InDeletedItem(IReadOnlyList<ContentControlDetail> controls, ContentControlDetail control)
    {
        for (var parent = control.Parent; parent is { } index; parent = controls[index].Parent)
        {
            if (controls[index].Deleted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Markers from our custom XML part and from the custom document properties; the XML part wins.</summary>
    private static FormMarkers ReadMarkers(WordPackage package)
    {
        var fromXml = package.XmlMarkers;
        var fromProperties = package.PropertyMarkers;
        return new FormMarkers(
            fromXml?.GetValueOrDefault(MarkerPartReader.TemplateVersionName) ?? fromProperties.GetValueOrDefault(MarkerPartReader.TemplateVersionName),
            fromXml?.GetValueOrDefault(MarkerPartReader.RoundIdName) ?? fromProperties.GetValueOrDefault(MarkerPartReader.RoundIdName),
            fromXml?.GetValueOrDefault(MarkerPartReader.DemandIdName) ?? fromProperties.GetValueOrDefault(MarkerPartReader.DemandIdName),
            InCustomXmlPart: fromXml is not null,
            InDocumentProperties: fromProperties.Count > 0);
    }
}
