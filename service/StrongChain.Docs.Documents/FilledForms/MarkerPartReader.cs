using System.Text;
using System.Xml;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Documents.FilledForms;

/// <summary>Reads the form markers from our custom XML part and from docProps/custom.xml, one pass each.</summary>
internal static class MarkerPartReader
{
    public const string TemplateVersionName = "templateVersion";
    public const string RoundIdName = "roundId";
    public const string DemandIdName = "demandId";
    public const string CustomPropertiesNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
    public const string StrictCustomPropertiesNamespace = "http://purl.oclc.org/ooxml/officeDocument/customProperties";

    /// <summary>Whether the reader is on the root of our marker part (<c>application</c> in our namespace).</summary>
    public static bool IsMarkerRoot(XmlReader reader) =>
        reader.LocalName == "application" && reader.NamespaceURI == ApplicationForm.MarkerNamespace;

    /// <summary>Whether the reader is on the root of a custom document properties part.</summary>
    public static bool IsPropertiesRoot(XmlReader reader) =>
        reader.LocalName == "Properties" && reader.NamespaceURI is CustomPropertiesNamespace or StrictCustomPropertiesNamespace;

    /// <summary>The markers that are children of the root, trimmed, first wins; null when a marker holds markup (not ours after all).</summary>
    public static Dictionary<string, string>? ReadXml(XmlReader reader)
    {
        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            return markers;
        }

        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1
                && reader.NamespaceURI == ApplicationForm.MarkerNamespace
                && reader.LocalName is TemplateVersionName or RoundIdName or DemandIdName)
            {
                var name = reader.LocalName;
                if (ReadLeafText(reader) is not { } text)
                {
                    return null;
                }

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

    /// <summary>The markers among the custom document properties (<c>op:property</c> by name, its value's text).</summary>
    public static Dictionary<string, string> ReadProperties(XmlReader reader)
    {
        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        var depth = reader.Depth;
        var ns = reader.NamespaceURI;
        if (reader.IsEmptyElement)
        {
            return markers;
        }

        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1
                && reader.LocalName == "property" && reader.NamespaceURI == ns
                && reader.GetAttribute("name") is TemplateVersionName or RoundIdName or DemandIdName)
            {
                var name = reader.GetAttribute("name")!;
                var text = ReadAllText(reader);
                if (text.Length > 0)
                {
                    markers.TryAdd(name, text);
                }
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        return markers;
    }

    /// <summary>The trimmed text of an element without child elements, reader left after it; null if it has child elements.</summary>
    private static string? ReadLeafText(XmlReader reader)
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var text = new StringBuilder();
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                return null;
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        return text.ToString().Trim();
    }

    /// <summary>All text inside the element (its value element's text), trimmed; reader left after it.</summary>
    private static string ReadAllText(XmlReader reader)
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }

        var text = new StringBuilder();
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
            }

            reader.Read();
        }

        reader.Read();
        return text.ToString().Trim();
    }
}
