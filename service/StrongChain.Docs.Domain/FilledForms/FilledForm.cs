namespace StrongChain.Docs.Domain.FilledForms;

/// <summary>The markers a form of ours carries (custom XML part and document properties).</summary>
public sealed record FormMarkers(
    string? TemplateVersion,
    string? RoundId,
    string? DemandId,
    bool InCustomXmlPart,
    bool InDocumentProperties)
{
    public bool IsOurs => TemplateVersion is not null && DemandId is not null;
}

/// <summary>
/// One filled field as read from the document, before any typing: the path
/// (<c>coApplicants[1].creditCode</c>, with the document's item index), its tag, the n-th control with
/// that tag in document order, the visible text ("" when the control shows its placeholder).
/// </summary>
public sealed record FilledValue(
    string Path,
    string Tag,
    int Ordinal,
    string Text,
    bool? Checked,
    bool IsPlaceholder,
    bool HasImage = false);

/// <summary>Stage "filled document": what the reader found, with no OpenXml types.</summary>
/// <param name="Values">Fields of the catalogue found in the document, in document order.</param>
/// <param name="RepeatItems">Number of items per repeating section tag, as found in the document.</param>
/// <param name="SavedBy">The program that last saved the document (docProps/app.xml <c>Application</c>), when it says.</param>
/// <param name="Recovery">Set when the controls were lost and the values were read back from the form's labels instead.</param>
public sealed record FilledForm(
    FormMarkers Markers,
    IReadOnlyList<FilledValue> Values,
    IReadOnlyDictionary<string, int> RepeatItems,
    string? SavedBy = null,
    FormRecovery? Recovery = null);

/// <summary>
/// How a form whose content controls were lost (another editor saved it) was read back by label.
/// </summary>
/// <param name="Readable">Whether enough of the template's labels were found for the values to be trusted at all.</param>
/// <param name="Recovered">Paths whose value was read from the layout (non-empty).</param>
/// <param name="Missing">Paths (or repeating-section tags) whose label or table was not found: their values are unknown, not empty.</param>
public sealed record FormRecovery(bool Readable, IReadOnlyList<string> Recovered, IReadOnlyList<string> Missing);
