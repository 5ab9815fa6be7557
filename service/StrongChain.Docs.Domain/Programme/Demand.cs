namespace StrongChain.Docs.Domain.Programme;

/// <summary>One technical demand (技术需求) of a round, as kept in the demand list.</summary>
public sealed record Demand(
    string Id,
    string RoundId,
    string Sector,
    string? SubField,
    string Title,
    string Issuer,
    string? IssuerCreditCode,
    string? CoIssuers,
    string? Summary,
    string? Indicators,
    int? DeadlineMonths,
    string? Procurement,
    string? CommittedVolume,
    string? ContactName,
    string? ContactPhone,
    string ReviewStatus)
{
    public const string Approved = "通过";
    public const string Pending = "待论证";
    public const string Rejected = "未通过";
}
