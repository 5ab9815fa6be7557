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
public sealed record FilledForm(
    FormMarkers Markers,
    IReadOnlyList<FilledValue> Values,
    IReadOnlyDictionary<string, int> RepeatItems);
