namespace StrongChain.Docs.Documents.ContentControls;

/// <summary>
/// One content control as <c>POST /api/forms/fields</c> reports it (api.md, "Forms").
/// </summary>
/// <param name="Kind">text, richText, date, dropDownList, comboBox, checkBox, picture, repeatingSection,
/// repeatingSectionItem, group, docPart, citation, bibliography or equation.</param>
/// <param name="Placeholder">True when the control shows its placeholder; <see cref="Text"/> is then "".</param>
/// <param name="Text">Visible text: insertions in, deletions and field codes out, paragraphs joined by \n.</param>
/// <param name="Checked">State of a w14 check box; null for every other kind.</param>
/// <param name="Part">document, header, footer, footnotes or endnotes.</param>
/// <param name="Depth">Number of enclosing content controls (0 = outermost).</param>
public sealed record ContentControlInfo(
    string? Tag,
    string? Alias,
    string Kind,
    bool Placeholder,
    string Text,
    bool? Checked,
    string Part,
    int Depth);

/// <summary>
/// A content control with the structure the form reader needs on top of <see cref="ContentControlInfo"/>.
/// </summary>
/// <param name="Index">Position of this control in the reader's list (document order).</param>
/// <param name="Parent">Index of the nearest enclosing control, or null at the outermost level.</param>
/// <param name="ItemIndex">For a repeatingSectionItem: its 0-based position within its repeating section.</param>
/// <param name="SectionTag">For a repeatingSectionItem: the tag of the repeating section holding it.</param>
/// <param name="HasImage">The visible content holds a w:drawing, pic:pic or v:imagedata.</param>
/// <param name="Deleted">A repeatingSectionItem deleted as a tracked change (its rows, or all its paragraph marks and text,
/// are deleted): it has no <paramref name="ItemIndex"/> and the items after it are numbered as if it were gone.</param>
public sealed record ContentControlDetail(
    ContentControlInfo Info,
    int Index,
    int? Parent,
    int? ItemIndex,
    string? SectionTag,
    bool HasImage,
    bool Deleted = false);

/// <summary>The kind names of <see cref="ContentControlInfo.Kind"/>, spelled once.</summary>
public static class ContentControlKinds
{
    public const string Text = "text";
    public const string RichText = "richText";
    public const string Date = "date";
    public const string DropDownList = "dropDownList";
    public const string ComboBox = "comboBox";
    public const string CheckBox = "checkBox";
    public const string Picture = "picture";
    public const string RepeatingSection = "repeatingSection";
    public const string RepeatingSectionItem = "repeatingSectionItem";
    public const string Group = "group";
    public const string DocPart = "docPart";
    public const string Citation = "citation";
    public const string Bibliography = "bibliography";
    public const string Equation = "equation";
}

/// <summary>The part names of <see cref="ContentControlInfo.Part"/>.</summary>
public static class ContentControlParts
{
    public const string Document = "document";
    public const string Header = "header";
    public const string Footer = "footer";
    public const string Footnotes = "footnotes";
    public const string Endnotes = "endnotes";
}
