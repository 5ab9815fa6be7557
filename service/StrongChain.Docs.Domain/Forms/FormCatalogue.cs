using System.Collections.Frozen;

namespace StrongChain.Docs.Domain.Forms;

/// <summary>
/// A content-control form of one template version: its sections, fields and repeating sections, listed once. The application
/// form (<see cref="ApplicationForm.Catalogue"/>) and the progress report form (<see cref="Reports.ProgressReportForm.Catalogue"/>)
/// are both read, and recovered by label, through it.
/// </summary>
public sealed record FormCatalogue(
    string Key,
    string TemplateVersion,
    IReadOnlyList<FormSection> Sections,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<RepeatSection> Repeats)
{
    private readonly FrozenDictionary<string, FormField> byTag = Fields.ToFrozenDictionary(f => f.Tag, StringComparer.Ordinal);
    private readonly FrozenDictionary<string, RepeatSection> repeatByTag = Repeats.ToFrozenDictionary(r => r.Tag, StringComparer.Ordinal);

    public FormField? FindField(string tag) => byTag.GetValueOrDefault(tag);

    public RepeatSection? FindRepeat(string tag) => repeatByTag.GetValueOrDefault(tag);

    public IEnumerable<FormField> FieldsOf(RepeatSection repeat)
    {
        ArgumentNullException.ThrowIfNull(repeat);
        return Fields.Where(f => f.Repeat == repeat.Tag);
    }

    /// <summary>The path of a field: its tag, or <c>spendItems[1].amount</c> inside a repeating item.</summary>
    public static string PathOf(FormField field, int? item = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Repeat is null ? field.Tag : $"{field.Repeat}[{item ?? 0}].{field.Name}";
    }
}
