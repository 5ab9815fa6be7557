namespace StrongChain.Docs.Domain.Findings;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>
/// One thing about a form that needs work. <see cref="Field"/> is the path (<c>coApplicants[1].creditCode</c>),
/// <see cref="Tag"/> the content-control tag and <see cref="Ordinal"/> the n-th control with that tag in
/// document order (null when the document has no such control), so the add-in can jump to it.
/// </summary>
public sealed record Finding(
    string Field,
    string Tag,
    int? Ordinal,
    string Code,
    Severity Severity,
    string Message,
    string MessageEn);
