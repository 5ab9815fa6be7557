using StrongChain.Docs.Domain.FilledForms;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>
/// Findings of a form read back by label: a warning on every recovered value (to be confirmed), an error on every value
/// whose label was not found (instead of <c>required</c>: it is unknown, not empty). No finding has an ordinal, since no
/// control carries the tag any more.
/// </summary>
internal static class RecoveryFindings
{
    public static IReadOnlyList<Finding> Apply(FormValues values, IReadOnlyList<Finding> findings, FormRecovery recovery, string? savedBy)
    {
        var args = EditorNames.Args(savedBy);
        var missing = new HashSet<string>(recovery.Missing, StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var finding in findings)
        {
            if (finding.Code == FindingCodes.Required && (missing.Contains(finding.Field) || missing.Contains(RepeatOf(finding.Tag))))
            {
                continue;
            }

            result.Add(finding with { Ordinal = null });
        }

        result.AddRange(recovery.Missing.Select(path => values.Finding(path, FindingCodes.NotRecovered, Severity.Error, args: args) with { Ordinal = null }));
        result.AddRange(recovery.Recovered.Where(path => HasValue(values, path))
            .Select(path => values.Finding(path, FindingCodes.RecoveredByLabel, Severity.Warning, args: args) with { Ordinal = null }));
        return result;
    }

    /// <summary>Whether the record holds a value for the path: a placeholder's text or a dropped empty item is none.</summary>
    private static bool HasValue(FormValues values, string path) => values.Get(path) is { } value && value.Field.Kind switch
    {
        FieldKind.Check => value.Typed is true,
        FieldKind.Picture => value.Typed is true,
        _ => value.Text is not null,
    };

    private static string RepeatOf(string tag) => ApplicationForm.FindField(tag)?.Repeat ?? tag;
}
