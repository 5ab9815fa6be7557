using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Reports;

namespace StrongChain.Docs.Storage.Reports;

/// <summary>An upload to store: the consortium and milestone it reports on, the exact bytes, the record and its findings (warnings only).</summary>
public sealed record NewProgressReport(Consortium Consortium, int MilestoneNumber, byte[] Bytes, ProgressReportRecord Record, IReadOnlyList<Finding> Findings, Actor Actor);

/// <summary>The receipt of a stored progress report version.</summary>
public sealed record ProgressReportReceipt(string ReportId, string ReceiptNo, int Version, string Sha256, long Size, DateTimeOffset SubmittedAt, int WarningCount);

/// <summary>One stored version, without its bytes.</summary>
public sealed record ProgressReportVersionInfo(
    int Version, string ReceiptNo, string Sha256, long Size, DateTimeOffset SubmittedAt, string SubmittedBy, string? Status, DateOnly? AchievedOn, int WarningCount);

/// <summary>A milestone's reports: every version, latest last, and the latest record with its findings.</summary>
public sealed record ProgressReportHistory(
    string ReportId, string ConsortiumId, int MilestoneNumber, IReadOnlyList<ProgressReportVersionInfo> Versions, ProgressReportRecord Latest, IReadOnlyList<Finding> LatestFindings);

/// <summary>A stored version's bytes and where it belongs (for downloads and the outbox).</summary>
public sealed record ProgressReportFile(string ReportId, string ConsortiumId, int MilestoneNumber, int Version, string ReceiptNo, string Sha256, byte[] Bytes);

/// <summary>Progress reports: each upload a new version in one transaction with its receipt, audit entry and outbox work.</summary>
public interface IProgressReportStore
{
    Task<ProgressReportReceipt> SubmitAsync(NewProgressReport report, CancellationToken ct);

    /// <summary>Spend per budget item in the latest reports of the consortium's milestones other than <paramref name="milestoneNumber"/>.</summary>
    Task<IReadOnlyDictionary<string, decimal>> SpendElsewhereAsync(string consortiumId, int milestoneNumber, CancellationToken ct);

    Task<ProgressReportHistory?> HistoryAsync(string consortiumId, int milestoneNumber, CancellationToken ct);

    Task<ProgressReportFile?> FileAsync(string reportId, int version, CancellationToken ct);
}
