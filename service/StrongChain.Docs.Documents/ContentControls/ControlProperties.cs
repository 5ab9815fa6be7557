using System.Xml;

namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>What a control's <c>w:sdtPr</c> says: tag, alias, kind, check-box state, placeholder shown.</summary>
internal sealed record ControlProperties(string? Tag, string? Alias, string Kind, bool? Checked, bool Placeholder)
{
    /// <summary>A control without properties: Word's default control is rich text.</summary>
    public static ControlProperties None { get; } = new(null, null, ContentControlKinds.RichText, null, false);

    /// <summary>Reads the sdtPr element the reader is on and leaves the reader after it.</summary>
    /// <remarks>The first tag, alias and showingPlcHdr count, and the first element that names a kind, as in the schema's order.</remarks>
    public static ControlProperties Read(XmlReader reader, WordNames names)
    {
        string? tag = null, alias = null, kind = null;
        bool? isChecked = null;
        bool seenTag = false, seenAlias = false, seenPlaceholder = false, placeholder = false;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return None;
        }

        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                reader.Read();
                continue;
            }

            var ns = reader.NamespaceURI;
            var name = reader.LocalName;
            if (ReferenceEquals(ns, names.W) && name == "tag" && !seenTag)
            {
                seenTag = true;
                tag = reader.GetAttribute(names.Val, names.W);
            }
            else if (ReferenceEquals(ns, names.W) && name == "alias" && !seenAlias)
            {
                seenAlias = true;
                alias = reader.GetAttribute(names.Val, names.W);
            }
            else if (ReferenceEquals(ns, names.W) && name == "showingPlcHdr" && !seenPlaceholder)
            {
                seenPlaceholder = true;
                placeholder = IsOn(reader.GetAttribute(names.Val, names.W));
            }
            else if (kind is null && KindOf(ns, name, names) is { } found)
            {
                kind = found;
                if (found == ContentControlKinds.CheckBox)
                {
                    isChecked = ReadChecked(reader, names);
                    continue;
                }
            }

            reader.Skip();
        }

        reader.Read();
        return new ControlProperties(tag, alias, kind ?? ContentControlKinds.RichText, isChecked, placeholder);
    }

    /// <summary>OnOff values (ISO/IEC 29500-1 §17.17.4): a missing value means on.</summary>
    public static bool IsOn(string? raw) =>
        raw is null
        || raw == "1"
        || raw.Equals("true", StringComparison.OrdinalIgnoreCase)
        || raw.Equals("on", StringComparison.OrdinalIgnoreCase);

    private static string? KindOf(string ns, string name, WordNames names)
    {
        if (ReferenceEquals(ns, names.W))
        {
            return name switch
            {
                "text" => ContentControlKinds.Text,
                "richText" => ContentControlKinds.RichText,
                "date" => ContentControlKinds.Date,
                "dropDownList" => ContentControlKinds.DropDownList,
                "comboBox" => ContentControlKinds.ComboBox,
                "picture" => ContentControlKinds.Picture,
                "group" => ContentControlKinds.Group,
                "docPartObj" or "docPartList" => ContentControlKinds.DocPart,
                "citation" => ContentControlKinds.Citation,
                "bibliography" => ContentControlKinds.Bibliography,
                "equation" => ContentControlKinds.Equation,
                _ => null,
            };
        }

        if (ReferenceEquals(ns, names.W14) && name == "checkbox")
        {
            return ContentControlKinds.CheckBox;
        }

        if (ReferenceEquals(ns, names.W15))
        {
            return name switch
            {
                "repeatingSection" => ContentControlKinds.RepeatingSection,
                "repeatingSectionItem" => ContentControlKinds.RepeatingSectionItem,
                _ => null,
            };
        }

        return null;
    }

    /// <summary>The state of a w14:checkbox (its first w14:checked); leaves the reader after the checkbox.</summary>
    private static bool ReadChecked(XmlReader reader, WordNames names)
    {
        var depth = reader.Depth;
        bool? state = null;
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.Depth > depth)
            {
                if (state is null && reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1
                    && ReferenceEquals(reader.NamespaceURI, names.W14) && reader.LocalName == "checked")
                {
                    state = IsOn(reader.GetAttribute(names.Val, names.W14));
                }

                reader.Read();
            }
        }

        reader.Read();
        return state ?? false;
    }
}
