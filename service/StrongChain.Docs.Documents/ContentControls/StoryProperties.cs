using System.Xml;

namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>
/// Reads the property elements the walker needs a flag or two from (run and paragraph-mark properties,
/// section properties): each reads the element the reader is on and leaves the reader after it.
/// </summary>
internal static class StoryProperties
{
    /// <summary>The flags of a paragraph's mark (its w:pPr's first w:rPr), or null when it has none; leaves the reader after the w:pPr.</summary>
    public static (bool Deleted, bool Hidden)? ReadParagraphMark(XmlReader reader, WordNames names)
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        (bool Deleted, bool Hidden)? mark = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (mark is null && reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1
                && ReferenceEquals(reader.NamespaceURI, names.W) && ReferenceEquals(reader.LocalName, names.RPr))
            {
                mark = ReadFlags(reader, names);
                continue;
            }

            SkipNode(reader);
        }

        reader.Read();
        return mark;
    }

    /// <summary>Reads run properties (a run's, or a paragraph mark's): tracked deletion or move away, hidden.</summary>
    public static (bool Deleted, bool Hidden) ReadFlags(XmlReader reader, WordNames names)
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return (false, false);
        }

        bool deleted = false, isHidden = false;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && ReferenceEquals(reader.NamespaceURI, names.W))
            {
                var name = reader.LocalName;
                if (ReferenceEquals(name, names.Del) || ReferenceEquals(name, names.MoveFrom))
                {
                    deleted = true;
                }
                else if (ReferenceEquals(name, names.Vanish) || ReferenceEquals(name, names.SpecVanish))
                {
                    isHidden |= ControlProperties.IsOn(reader.GetAttribute(names.Val, names.W));
                }
            }

            SkipNode(reader);
        }

        reader.Read();
        return (deleted, isHidden);
    }

    /// <summary>The r:ids of a w:sectPr's header and footer references, in order; leaves the reader after the w:sectPr.</summary>
    public static void ReadSectionReferences(XmlReader reader, WordNames names, List<string> ids)
    {
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && ReferenceEquals(reader.NamespaceURI, names.W)
                && (ReferenceEquals(reader.LocalName, names.HeaderReference) || ReferenceEquals(reader.LocalName, names.FooterReference))
                && reader.GetAttribute(names.Id, names.R) is { } id)
            {
                ids.Add(id);
            }

            SkipNode(reader);
        }

        reader.Read();
    }

    /// <summary>Moves past the node the reader is on, past all of it when it is an element.</summary>
    private static void SkipNode(XmlReader reader)
    {
        if (reader.NodeType == XmlNodeType.Element)
        {
            reader.Skip();
        }
        else
        {
            reader.Read();
        }
    }
}
