using System.Xml;
using DocumentFormat.OpenXml.Packaging;
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
    private const string TemplateVersionName = "templateVersion";
    private const string RoundIdName = "roundId";
    private const string DemandIdName = "demandId";

    /// <summary>Guards and opens an upload read-only, then reads it; bad uploads throw <see cref="DocumentRejectedException"/>.</summary>
    public static FilledForm Read(Stream stream, PackageLimits? limits = null)
    {
        limits ??= PackageLimits.Default;
        byte[] bytes;
        if (stream is MemoryStream memory && memory.Position == 0)
        {
            bytes = memory.ToArray();
        }
        else
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        using var document = DocxOpener.OpenReadOnly(bytes, limits);
        return Read(document);
    }

    public static FilledForm Read(WordprocessingDocument document)
    {
        var markers = ReadMarkers(document);
        var controls = ContentControlReader.ReadDetailed(document);

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

            // Ordinals count every control with the tag, as the add-in's getByTag does.
            ordinals.TryGetValue(tag, out var ordinal);
            ordinals[tag] = ordinal + 1;

            if (control.Info.Kind == ContentControlKinds.RepeatingSection && ApplicationForm.FindRepeat(tag) is not null
                && !repeatItems.ContainsKey(tag))
            {
                repeatItems[tag] = controls.Count(c => c.SectionTag == tag && IsItemOf(controls, c, control.Index));
            }

            if (ApplicationForm.FindField(tag) is not { } field)
            {
                continue;
            }

            var item = field.Repeat is null ? (int?)null : ItemIndexOf(controls, control, field.Repeat);
            var info = control.Info;
            var value = new FilledValue(
                ApplicationForm.PathOf(field, item),
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

        foreach (var repeat in ApplicationForm.Repeats)
        {
            repeatItems.TryAdd(repeat.Tag, 0);
        }

        return new FilledForm(markers, values, repeatItems);
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

    /// <summary>Markers from our custom XML part and from the custom document properties; the XML part wins.</summary>
    public static FormMarkers ReadMarkers(WordprocessingDocument document)
    {
        var fromXml = ReadCustomXmlMarkers(document);
        var fromProperties = ReadPropertyMarkers(document);
        return new FormMarkers(
            fromXml?.GetValueOrDefault(TemplateVersionName) ?? fromProperties.GetValueOrDefault(TemplateVersionName),
            fromXml?.GetValueOrDefault(RoundIdName) ?? fromProperties.GetValueOrDefault(RoundIdName),
            fromXml?.GetValueOrDefault(DemandIdName) ?? fromProperties.GetValueOrDefault(DemandIdName),
            InCustomXmlPart: fromXml is not null,
            InDocumentProperties: fromProperties.Count > 0);
    }

    private static Dictionary<string, string>? ReadCustomXmlMarkers(WordprocessingDocument document)
    {
        var main = document.MainDocumentPart;
        if (main is null)
        {
            return null;
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        foreach (var part in main.CustomXmlParts)
        {
            try
            {
                using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
                using var reader = XmlReader.Create(stream, settings);
                if (reader.MoveToContent() != XmlNodeType.Element
                    || reader.LocalName != "application"
                    || reader.NamespaceURI != ApplicationForm.MarkerNamespace)
                {
                    continue;
                }

                var markers = new Dictionary<string, string>(StringComparer.Ordinal);
                var depth = reader.Depth;
                reader.Read();
                while (!reader.EOF && reader.Depth > depth)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1
                        && reader.NamespaceURI == ApplicationForm.MarkerNamespace
                        && reader.LocalName is TemplateVersionName or RoundIdName or DemandIdName)
                    {
                        var name = reader.LocalName;

                        // Moves past the element, so no Read() here.
                        var text = reader.ReadElementContentAsString().Trim();
                        if (text.Length > 0)
                        {
                            markers.TryAdd(name, text);
                        }
                    }
                    else
                    {
                        reader.Read();
                    }
                }

                return markers;
            }
            catch (XmlException)
            {
                // Another editor's broken part is not ours; keep looking.
            }
        }

        return null;
    }

    private static Dictionary<string, string> ReadPropertyMarkers(WordprocessingDocument document)
    {
        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        var properties = document.CustomFilePropertiesPart?.Properties;
        if (properties is null)
        {
            return markers;
        }

        foreach (var property in properties.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>())
        {
            var name = property.Name?.Value;
            if (name is TemplateVersionName or RoundIdName or DemandIdName)
            {
                var text = property.InnerText.Trim();
                if (text.Length > 0)
                {
                    markers.TryAdd(name, text);
                }
            }
        }

        return markers;
    }
}
