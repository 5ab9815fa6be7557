using System.IO.Compression;
using System.Xml;
using StrongChain.Docs.Documents.ContentControls;
using StrongChain.Docs.Documents.FilledForms;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>
/// An uploaded .docx read for its content controls and form markers, in the upload guard's own pass: every part is
/// inflated and parsed once (ISO/IEC 29500-2 relationships decide afterwards which parts count and in what order).
/// </summary>
public sealed class WordPackage
{
    private const string ExtendedPropertiesNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    private const string StrictExtendedPropertiesNamespace = "http://purl.oclc.org/ooxml/officeDocument/extendedProperties";

    private WordPackage(IReadOnlyList<ContentControlDetail> controls, IReadOnlyDictionary<string, string>? xmlMarkers, IReadOnlyDictionary<string, string> propertyMarkers,
        string mainPartName, string? savedBy)
    {
        Controls = controls;
        XmlMarkers = xmlMarkers;
        PropertyMarkers = propertyMarkers;
        MainPartName = mainPartName;
        SavedBy = savedBy;
    }

    /// <summary>Zip entry name of the main document part (<c>word/document.xml</c> as most editors write it).</summary>
    public string MainPartName { get; }

    /// <summary>The program that last saved the document: docProps/app.xml <c>Application</c>, when present.</summary>
    public string? SavedBy { get; }

    /// <summary>Every content control: the main document, then headers and footers in the order the sections reference them, then footnotes and endnotes.</summary>
    public IReadOnlyList<ContentControlDetail> Controls { get; }

    /// <summary>Markers of the first custom XML part of ours (null when there is none).</summary>
    public IReadOnlyDictionary<string, string>? XmlMarkers { get; }

    /// <summary>Markers among the custom document properties.</summary>
    public IReadOnlyDictionary<string, string> PropertyMarkers { get; }

    /// <summary>Guards and reads an upload; bad uploads throw <see cref="DocumentRejectedException"/>.</summary>
    public static WordPackage Read(byte[] bytes, PackageLimits limits)
    {
        var parts = new PartCollector();
        OfficePackageGuard.EnsureSafe(bytes, limits, PackageKind.Word, parts);
        parts.EnsureTargetsExist(EntryNames(bytes));
        return parts.Assemble();
    }

    /// <summary>The package's zip entry names, unescaped; the guard has read the directory already, so this cannot fail.</summary>
    private static HashSet<string> EntryNames(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var names = new HashSet<string>(zip.Entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            names.Add(Uri.UnescapeDataString(entry.FullName));
        }

        return names;
    }

    /// <summary>Keeps what each part says, by zip entry name, as the guard hands the parts over in zip order.</summary>
    private sealed class PartCollector : IGuardedPartReader
    {
        private readonly Dictionary<string, List<PartRelationship>> relationships = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (string Root, Story Story)> stories = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Dictionary<string, string>?> markerParts = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Dictionary<string, string>> propertyParts = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string?> applications = new(StringComparer.OrdinalIgnoreCase);

        public void Read(string partName, XmlReader reader)
        {
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return;
            }

            // A part is recognised by its root; only relationships make it count, which are known at the end.
            var root = reader.LocalName;
            if (reader.NamespaceURI is WordNames.WordNamespace or WordNames.StrictWordNamespace)
            {
                if (root is "document" or "hdr" or "ftr" or "footnotes" or "endnotes")
                {
                    stories[partName] = (root, StoryWalker.Walk(reader));
                }
            }
            else if (root == "Relationships" && reader.NamespaceURI == PartRelationships.Namespace)
            {
                if (PartRelationships.SourceOf(partName) is { } source)
                {
                    relationships[source] = PartRelationships.Read(reader, source);
                }
            }
            else if (MarkerPartReader.IsMarkerRoot(reader))
            {
                markerParts[partName] = MarkerPartReader.ReadXml(reader);
            }
            else if (MarkerPartReader.IsPropertiesRoot(reader))
            {
                propertyParts[partName] = MarkerPartReader.ReadProperties(reader);
            }
            else if (root == "Properties" && reader.NamespaceURI is ExtendedPropertiesNamespace or StrictExtendedPropertiesNamespace)
            {
                applications[partName] = ReadApplication(reader);
            }
        }

        /// <summary>The text of the root's <c>Application</c> child (which editor saved the file), trimmed; null when absent or empty.</summary>
        private static string? ReadApplication(XmlReader reader)
        {
            var ns = reader.NamespaceURI;
            var depth = reader.Depth;
            if (reader.IsEmptyElement)
            {
                return null;
            }

            reader.Read();
            while (reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "Application" && reader.NamespaceURI == ns)
                {
                    // Text only (markup inside is another program's oddity, not a name), reader left for the guard to scan on.
                    var inner = reader.Depth;
                    var text = new System.Text.StringBuilder();
                    while (reader.Read() && reader.Depth > inner)
                    {
                        if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                        {
                            text.Append(reader.Value);
                        }
                    }

                    var name = text.ToString().Trim();
                    return name.Length > 0 ? name : null;
                }

                if (reader.NodeType == XmlNodeType.Element)
                {
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                }
            }

            return null;
        }

        /// <summary>Every part reachable from the package names parts that exist, as System.IO.Packaging demanded.</summary>
        public void EnsureTargetsExist(HashSet<string> entries)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "" };
            var queue = new Queue<string>(seen);
            var glossaries = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (queue.TryDequeue(out var source))
            {
                foreach (var relationship in relationships.GetValueOrDefault(source) ?? [])
                {
                    if (relationship.Type == PartRelationships.GlossaryDocument)
                    {
                        glossaries.Add(relationship.Target);
                    }

                    if (!entries.Contains(Uri.UnescapeDataString(relationship.Target)))
                    {
                        // LibreOffice 7.4 points the glossary's styles at /word/glossary/styles2.xml but stores them elsewhere;
                        // the glossary (placeholder texts) is never read, so its broken links do not make the form corrupt.
                        if (glossaries.Contains(source))
                        {
                            continue;
                        }

                        throw PackageKind.Word.Corrupt();
                    }

                    if (seen.Add(relationship.Target))
                    {
                        queue.Enqueue(relationship.Target);
                    }
                }
            }
        }

        public WordPackage Assemble()
        {
            var package = relationships.GetValueOrDefault("") ?? [];
            var mainName = package.Find(r => r.Type == PartRelationships.OfficeDocument)?.Target
                ?? throw PackageKind.Word.NotOfKind();
            if (!stories.TryGetValue(mainName, out var main) || main.Root != "document")
            {
                // The main relationship points at no document part: the package is damaged.
                throw PackageKind.Word.Corrupt();
            }

            var related = relationships.GetValueOrDefault(mainName) ?? [];
            var controls = new List<ContentControlDetail>();
            Append(controls, main.Story, ContentControlParts.Document);
            foreach (var header in Referenced(related, main.Story, PartRelationships.Header))
            {
                AppendStory(controls, header, "hdr", ContentControlParts.Header);
            }

            foreach (var footer in Referenced(related, main.Story, PartRelationships.Footer))
            {
                AppendStory(controls, footer, "ftr", ContentControlParts.Footer);
            }

            if (related.Find(r => r.Type == PartRelationships.Footnotes) is { } footnotes)
            {
                AppendStory(controls, footnotes.Target, "footnotes", ContentControlParts.Footnotes);
            }

            if (related.Find(r => r.Type == PartRelationships.Endnotes) is { } endnotes)
            {
                AppendStory(controls, endnotes.Target, "endnotes", ContentControlParts.Endnotes);
            }

            // Ours is the first custom XML part with our root that reads; other editors' and add-ins' parts are ignored.
            Dictionary<string, string>? xmlMarkers = null;
            foreach (var relationship in related)
            {
                if (relationship.Type == PartRelationships.CustomXml && markerParts.GetValueOrDefault(relationship.Target) is { } markers)
                {
                    xmlMarkers = markers;
                    break;
                }
            }

            var propertiesName = package.Find(r => r.Type == PartRelationships.CustomProperties)?.Target;
            var propertyMarkers = propertiesName is null ? null : propertyParts.GetValueOrDefault(propertiesName);
            var appName = package.Find(r => r.Type == PartRelationships.ExtendedProperties)?.Target;
            var savedBy = appName is null ? null : applications.GetValueOrDefault(appName);
            return new WordPackage(controls, xmlMarkers, propertyMarkers ?? [], mainName, savedBy);
        }

        /// <summary>Parts of one type in the order the sections reference them, then the unreferenced ones in relationship order.</summary>
        private static List<string> Referenced(List<PartRelationship> related, Story main, string type)
        {
            var targets = new List<string>();
            foreach (var id in main.SectionReferences)
            {
                if (related.Find(r => r.Id == id) is { } relationship && relationship.Type == type && !Contains(targets, relationship.Target))
                {
                    targets.Add(relationship.Target);
                }
            }

            foreach (var relationship in related)
            {
                if (relationship.Type == type && !Contains(targets, relationship.Target))
                {
                    targets.Add(relationship.Target);
                }
            }

            return targets;
        }

        private static bool Contains(List<string> names, string name) =>
            names.Exists(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

        private void AppendStory(List<ContentControlDetail> controls, string partName, string root, string part)
        {
            // A related part that is missing or holds something else has no controls to give.
            if (stories.TryGetValue(partName, out var story) && story.Root == root)
            {
                Append(controls, story.Story, part);
            }
        }

        private static void Append(List<ContentControlDetail> controls, Story story, string part)
        {
            var offset = controls.Count;
            for (var i = 0; i < story.Controls.Count; i++)
            {
                var c = story.Controls[i];
                var p = c.Properties;
                var info = new ContentControlInfo(p.Tag, p.Alias, p.Kind, p.Placeholder, c.Text, p.Checked, part, c.Depth);
                controls.Add(new ContentControlDetail(info, offset + i, c.Parent + offset, c.ItemIndex, c.SectionTag, c.HasImage, c.Deleted));
            }
        }
    }
}
