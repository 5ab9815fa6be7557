namespace StrongChain.Docs.Domain.FilledForms;

/// <summary>One table cell of a document's layout: its visible text, the state of a ☒/☐ glyph in it, whether it holds a picture.</summary>
public sealed record LayoutCell(string Text, bool? Checked, bool HasImage);

/// <summary>A body-level paragraph (<see cref="Paragraph"/>) or table (<see cref="Rows"/>) of a document, in document order.</summary>
public sealed record LayoutBlock(string? Paragraph, IReadOnlyList<IReadOnlyList<LayoutCell>>? Rows)
{
    public static LayoutBlock Text(string text) => new(text, null);

    public static LayoutBlock Table(IReadOnlyList<IReadOnlyList<LayoutCell>> rows) => new(null, rows);
}
