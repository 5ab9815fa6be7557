using System.Collections.Frozen;

namespace StrongChain.Docs.Domain.Forms;

/// <summary>
/// The labels of one form catalogue's template version as the template lays them out: section headings, label cells,
/// check box statements and repeating-table headers. The one place that binds by label rather than by tag, for forms
/// whose content controls another editor lost (LibreOffice, WPS).
/// </summary>
public sealed record FormLabels
{
    private readonly FrozenDictionary<string, FormSection> sectionByHeading;
    private readonly FrozenSet<string> singleTags;

    public FormLabels(FormCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        Catalogue = catalogue;
        SingleFields = [.. catalogue.Fields.Where(f => f.Repeat is null)];
        sectionByHeading = catalogue.Sections.ToFrozenDictionary(HeadingOf, StringComparer.Ordinal);
        singleTags = SingleFields.Select(f => f.Tag).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The application form's labels (template version <see cref="ApplicationForm.TemplateVersion"/>).</summary>
    public static FormLabels Application { get; } = new(ApplicationForm.Catalogue);

    public FormCatalogue Catalogue { get; }

    /// <summary>Fields outside repeating sections: the tags a form of ours must mostly still carry.</summary>
    public IReadOnlyList<FormField> SingleFields { get; }

    /// <summary>The heading paragraph of a section: <c>二、揭榜单位基本信息</c>.</summary>
    public static string HeadingOf(FormSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Normalize($"{section.Number}、{section.Title}");
    }

    /// <summary>The section a paragraph is the heading of, or null.</summary>
    public FormSection? SectionOfHeading(string paragraph) => sectionByHeading.GetValueOrDefault(Normalize(paragraph));

    /// <summary>The field whose label row (label cell, value cell) this is in the section, or null.</summary>
    public FormField? FieldOfLabel(FormSection section, string label)
    {
        ArgumentNullException.ThrowIfNull(section);
        var text = Normalize(label);
        return SingleFields.FirstOrDefault(f => f.Section == section.Key && f.Kind != FieldKind.Check && Normalize(f.Label) == text);
    }

    /// <summary>The check box field whose statement (the cell beside the box) this is in the section, or null.</summary>
    public FormField? CheckOfStatement(FormSection section, string statement)
    {
        ArgumentNullException.ThrowIfNull(section);
        var text = Normalize(statement);
        return SingleFields.FirstOrDefault(f => f.Section == section.Key && f.Kind == FieldKind.Check && Normalize(f.Label) == text);
    }

    /// <summary>The repeating section whose table header row this is (its children's labels, in order), or null.</summary>
    public RepeatSection? RepeatOfHeader(FormSection section, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(header);
        foreach (var repeat in Catalogue.Repeats.Where(r => r.Section == section.Key))
        {
            var labels = Catalogue.FieldsOf(repeat).Select(f => Normalize(f.Label)).ToList();
            if (labels.Count == header.Count && labels.SequenceEqual(header.Select(Normalize), StringComparer.Ordinal))
            {
                return repeat;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the controls no longer carry the form: fewer than half of the catalogue's single-field tags are present.
    /// A form filled in Word has them all (a person cannot delete a locked or table control by accident in numbers).
    /// </summary>
    public bool StructureLost(IEnumerable<string?> tagsPresent)
    {
        ArgumentNullException.ThrowIfNull(tagsPresent);
        var present = tagsPresent.Where(t => t is not null && singleTags.Contains(t)).Distinct(StringComparer.Ordinal).Count();
        return present * 2 < singleTags.Count;
    }

    /// <summary>Label text compared without whitespace and without a trailing colon (the cover writes <c>需求编号：</c>).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return compact.TrimEnd('：', ':');
    }
}
