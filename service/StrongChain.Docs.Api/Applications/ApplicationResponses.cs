using System.Text.Json;
using StrongChain.Docs.Storage.Applications;

namespace StrongChain.Docs.Api.Applications;

/// <summary>Body of the 201 of <c>POST /api/applications</c> (api.md).</summary>
public sealed record SubmitResponse(string Id, string ReceiptNo, int Version, string Sha256, DateTimeOffset SubmittedAt)
{
    public static SubmitResponse From(SubmissionReceipt r) => new(r.Id, r.ReceiptNo, r.Version, r.Sha256, r.SubmittedAt);
}

/// <summary>One application in a list: who, for which demand, and its latest version's state.</summary>
public sealed record ApplicationListItem(
    string Id, string DemandId, string RoundId, string CreditCode, string OrganisationName, string Status,
    int LatestVersion, string ReceiptNo, DateTimeOffset SubmittedAt, bool Complete, bool Eligible, int ErrorCount, int WarningCount)
{
    public static ApplicationListItem From(ApplicationSummary s) => new(
        s.Id, s.DemandId, s.RoundId, s.CreditCode, s.OrganisationName, s.Status, s.LatestVersion, s.ReceiptNo,
        Beijing(s.SubmittedAt), s.Complete, s.Eligible, s.ErrorCount, s.WarningCount);

    // Applications are reviewed in Beijing time; the stored instant is UTC.
    internal static DateTimeOffset Beijing(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
}

/// <summary><c>GET /api/applications/{id}</c>: the latest record and findings, status and every version.</summary>
public sealed record ApplicationResponse(
    string Id, string DemandId, string RoundId, string CreditCode, string OrganisationName, string Status,
    int LatestVersion, string ReceiptNo, DateTimeOffset SubmittedAt, bool Complete, bool Eligible,
    JsonElement Record, JsonElement Findings, IReadOnlyList<VersionResponse> Versions)
{
    public static ApplicationResponse From(ApplicationDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var s = d.Summary;
        using var record = JsonDocument.Parse(d.RecordJson);
        using var findings = JsonDocument.Parse(d.FindingsJson);
        return new ApplicationResponse(
            s.Id, s.DemandId, s.RoundId, s.CreditCode, s.OrganisationName, s.Status, s.LatestVersion, s.ReceiptNo,
            ApplicationListItem.Beijing(s.SubmittedAt), s.Complete, s.Eligible, record.RootElement.Clone(), findings.RootElement.Clone(),
            [.. d.Versions.Select(v => new VersionResponse(v.Version, v.ReceiptNo, v.Sha256, v.Size, ApplicationListItem.Beijing(v.SubmittedAt),
                v.SubmittedBy, v.Complete, v.Eligible, v.ErrorCount, v.WarningCount))]);
    }
}

public sealed record VersionResponse(
    int Version, string ReceiptNo, string Sha256, long Size, DateTimeOffset SubmittedAt, string SubmittedBy,
    bool Complete, bool Eligible, int ErrorCount, int WarningCount);
