using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Storage.Applications;

/// <summary>What a submit stores: the exact bytes and the check made of them.</summary>
public sealed record NewSubmission(
    string DemandId,
    string RoundId,
    string CreditCode,
    string OrganisationName,
    byte[] Bytes,
    ApplicationRecord Record,
    IReadOnlyList<Finding> Findings,
    bool Complete,
    bool Eligible,
    Actor Actor);

/// <summary>The answer to a stored submission.</summary>
public sealed record SubmissionReceipt(string Id, string ReceiptNo, int Version, string Sha256, DateTimeOffset SubmittedAt);

/// <summary>An application with its latest version's facts (lists and the review workbook).</summary>
public sealed record ApplicationSummary(
    string Id,
    string DemandId,
    string RoundId,
    string CreditCode,
    string OrganisationName,
    string Status,
    int LatestVersion,
    string ReceiptNo,
    DateTimeOffset SubmittedAt,
    bool Complete,
    bool Eligible,
    int ErrorCount,
    int WarningCount);

/// <summary>One version's facts, without its bytes.</summary>
public sealed record ApplicationVersionInfo(
    int Version,
    string ReceiptNo,
    string Sha256,
    long Size,
    DateTimeOffset SubmittedAt,
    string SubmittedBy,
    bool Complete,
    bool Eligible,
    int ErrorCount,
    int WarningCount);

/// <summary>An application, its latest record and findings (as stored JSON) and every version.</summary>
public sealed record ApplicationDetail(
    ApplicationSummary Summary,
    string RecordJson,
    string FindingsJson,
    IReadOnlyList<ApplicationVersionInfo> Versions);

/// <summary>The bytes of one version exactly as submitted.</summary>
public sealed record StoredDocument(string ApplicationId, int Version, string ReceiptNo, string Sha256, byte[] Bytes);

/// <summary>A latest application with its typed record (the review workbook).</summary>
public sealed record ApplicationForReview(ApplicationSummary Summary, ApplicationRecord? Record);
