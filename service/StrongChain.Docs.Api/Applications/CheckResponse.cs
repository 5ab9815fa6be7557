using StrongChain.Docs.Domain.Findings;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Api.Applications;

/// <summary>Body of <c>POST /api/applications/check</c> (api.md).</summary>
public sealed record CheckResponse(
    string DemandId,
    string RoundId,
    string TemplateVersion,
    bool Complete,
    bool Eligible,
    ApplicationRecord Record,
    IReadOnlyList<Finding> Findings)
{
    public static CheckResponse From(CheckResult result) => new(
        result.DemandId, result.RoundId, result.TemplateVersion,
        result.Check.Complete, result.Check.Eligible, result.Check.Record, result.Check.Findings);
}
