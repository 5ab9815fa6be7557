namespace StrongChain.Docs.Domain.Forms;

/// <summary>
/// The labels of the application form's template version <see cref="Version"/> (<see cref="FormLabels.Application"/>).
/// A new template version that moves or renames a label must come with its own map.
/// </summary>
public static class TemplateLabels
{
    public const string Version = ApplicationForm.TemplateVersion;

    /// <summary>Catalogue fields outside repeating sections: the tags a form of ours must mostly still carry.</summary>
    public static IReadOnlyList<FormField> SingleFields => FormLabels.Application.SingleFields;

    /// <summary>The heading paragraph of a section: <c>二、揭榜单位基本信息</c>.</summary>
    public static string HeadingOf(FormSection section) => FormLabels.HeadingOf(section);

    public static FormSection? SectionOfHeading(string paragraph) => FormLabels.Application.SectionOfHeading(paragraph);

    public static FormField? FieldOfLabel(FormSection section, string label) => FormLabels.Application.FieldOfLabel(section, label);

    public static FormField? CheckOfStatement(FormSection section, string statement) => FormLabels.Application.CheckOfStatement(section, statement);

    public static RepeatSection? RepeatOfHeader(FormSection section, IReadOnlyList<string> header) => FormLabels.Application.RepeatOfHeader(section, header);

    /// <summary>Whether the controls no longer carry the form (<see cref="FormLabels.StructureLost"/>).</summary>
    public static bool StructureLost(IEnumerable<string?> tagsPresent) => FormLabels.Application.StructureLost(tagsPresent);

    /// <summary>Label text compared without whitespace and without a trailing colon (the cover writes <c>需求编号：</c>).</summary>
    public static string Normalize(string text) => FormLabels.Normalize(text);
}
