namespace StrongChain.Docs.Domain.Forms;

/// <summary>Control kinds of application-form.md (text, rich, date, list, check, picture).</summary>
public enum FieldKind
{
    Text,
    Rich,
    Date,
    List,
    Check,
    Picture,
}

/// <summary>One field of the form: bound by <see cref="Tag"/>, never by position or label.</summary>
/// <param name="Repeat">Tag of the repeating section holding the field, or null.</param>
/// <param name="Label">Fixed label text of this template version (also used to recover forms whose controls were lost).</param>
public sealed record FormField(
    string Tag,
    string Label,
    string LabelEn,
    FieldKind Kind,
    string Section,
    string Placeholder,
    IReadOnlyList<string> Options,
    bool Locked = false,
    string? Repeat = null)
{
    /// <summary>Last segment of the tag: <c>coApplicant.creditCode</c> → <c>creditCode</c>.</summary>
    public string Name => Tag[(Tag.LastIndexOf('.') + 1)..];
}

/// <summary>A repeating section (w15 repeatingSection) and the child fields every item repeats.</summary>
public sealed record RepeatSection(string Tag, string Label, string ItemPrefix, int MinItems, string Section);

/// <summary>A numbered section of the form (一、二、三…).</summary>
public sealed record FormSection(string Key, string Number, string Title, string TitleEn);
