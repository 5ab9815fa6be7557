using System.Xml;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>One internal relationship of a part (OPC, ISO/IEC 29500-2 §9.3), its target resolved to a zip entry name.</summary>
internal sealed record PartRelationship(string Id, string Type, string Target);

/// <summary>Reads a relationships part (<c>…/_rels/x.rels</c>) as System.IO.Packaging would accept it.</summary>
internal static class PartRelationships
{
    public const string Namespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    public const string CustomProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
    public const string ExtendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
    public const string GlossaryDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument";
    public const string CustomXml = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
    public const string Header = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
    public const string Footer = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
    public const string Footnotes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes";
    public const string Endnotes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes";

    /// <summary>The part whose relationships <paramref name="relsName"/> holds ("" for the package), or null if it is no .rels name.</summary>
    public static string? SourceOf(string relsName)
    {
        if (!relsName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var slash = relsName.LastIndexOf('/');
        var folder = slash < 0 ? "" : relsName[..slash];
        if (!folder.Equals("_rels", StringComparison.OrdinalIgnoreCase) && !folder.EndsWith("/_rels", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var sourceFolder = folder.Length == "_rels".Length ? "" : folder[..^"/_rels".Length];
        var sourceName = relsName[(slash + 1)..^".rels".Length];
        return sourceFolder.Length == 0 ? sourceName : $"{sourceFolder}/{sourceName}";
    }

    /// <summary>Internal relationships in file order; a duplicate id or a missing attribute is a damaged package, as for the SDK.</summary>
    public static List<PartRelationship> Read(XmlReader reader, string source, PackageKind? kind = null)
    {
        var relationships = new List<PartRelationship>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1
                || reader.LocalName != "Relationship" || reader.NamespaceURI != Namespace)
            {
                continue;
            }

            var id = reader.GetAttribute("Id");
            var type = reader.GetAttribute("Type");
            var target = reader.GetAttribute("Target");
            if (id is null || type is null || target is null || !IsXmlId(id) || !ids.Add(id))
            {
                throw (kind ?? PackageKind.Word).Corrupt();
            }

            if (!string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.Ordinal))
            {
                relationships.Add(new PartRelationship(id, Transitional(type), Resolve(source, target)));
            }
        }

        return relationships;
    }

    /// <summary>A Strict document's relationship type as its transitional twin (Strict names them under another base).</summary>
    private static string Transitional(string type)
    {
        const string Strict = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
        if (!type.StartsWith(Strict, StringComparison.Ordinal))
        {
            return type;
        }

        var name = type[Strict.Length..];
        return name == "customProperties" ? CustomProperties : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + name;
    }

    /// <summary>Relationship ids are xsd:ID values (an XML name without a colon).</summary>
    private static bool IsXmlId(string id)
    {
        if (id.Length == 0 || !XmlConvert.IsStartNCNameChar(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!XmlConvert.IsNCNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A target relative to its source part's folder (or absolute), as a zip entry name.</summary>
    private static string Resolve(string source, string target)
    {
        var slash = source.LastIndexOf('/');
        var path = target.StartsWith('/') ? target : (slash < 0 ? "" : source[..(slash + 1)]) + target;
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
