using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Domain.DemandList;

/// <summary>
/// One thing about a demand list that needs work, located by Excel address (<see cref="Cell"/> "D7", null when the
/// thing has no single cell) and Excel <see cref="Row"/> (0 for the workbook as a whole), the column key and the demand id.
/// </summary>
public sealed record DemandFinding(
    string? Cell,
    int Row,
    string? Column,
    string? DemandId,
    string Code,
    Severity Severity,
    string Message,
    string MessageEn);

/// <summary>The outcome of checking a demand list: the demands of the rows without errors and every finding.</summary>
/// <remarks>Import is all-or-nothing: store <see cref="Demands"/> only when <see cref="HasErrors"/> is false.</remarks>
public sealed record DemandImport(IReadOnlyList<Demand> Demands, IReadOnlyList<DemandFinding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>The finding codes of the demand list, listed once.</summary>
public static class DemandFindingCodes
{
    public const string Required = FindingCodes.Required;
    public const string Format = FindingCodes.Format;
    public const string CreditCodeChecksum = FindingCodes.CreditCodeChecksum;
    public const string OutOfRange = FindingCodes.OutOfRange;
    public const string NotInList = "not-in-list";
    public const string TooLong = "too-long";
    public const string DuplicateId = "duplicate-id";
    public const string CommittedVolumeMissing = "committed-volume-missing";
    public const string MissingColumn = "missing-column";
    public const string UnknownColumn = "unknown-column";
    public const string DuplicateColumn = "duplicate-column";
    public const string CellError = "cell-error";
    public const string FormulaWithoutValue = "formula-without-value";
    public const string TooManyRows = "too-many-rows";
    public const string UnreadableWorkbook = "unreadable-workbook";
    public const string RoundMismatch = "round-mismatch";
    public const string KeptIncomplete = "kept-incomplete";
}
