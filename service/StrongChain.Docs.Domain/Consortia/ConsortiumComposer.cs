using StrongChain.Docs.Domain.Agreements;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Consortia;

/// <summary>Which signed agreement forms the consortium, and the countersigned copy that proves it.</summary>
public sealed record ConsortiumRequest(
    string AgreementId,
    int AgreementVersion,
    string ApplicationId,
    int ApplicationVersion,
    SignedCopy SignedCopy);

/// <summary>
/// Stage "consortium": the application record the agreement was drafted from, with its demand and round → the consortium.
/// Parties are the agreement's parties (<see cref="AgreementComposer.Parties"/>), so register and agreement never disagree.
/// </summary>
public static class ConsortiumComposer
{
    public const string IdPrefix = "LHT-";

    /// <summary>The consortium of an agreement: <c>XY-QL2020-BM-02-0001</c> forms <c>LHT-QL2020-BM-02-0001</c>.</summary>
    public static string IdFor(string agreementId)
    {
        ArgumentNullException.ThrowIfNull(agreementId);
        return IdPrefix + (agreementId.StartsWith("XY-", StringComparison.Ordinal) ? agreementId[3..] : agreementId);
    }

    public static Consortium Compose(ApplicationRecord record, Demand demand, Round round, ConsortiumRequest request)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(demand);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(request);
        var budget = record.Budget;
        var issuer = budget.IssuerFunds ?? 0m;
        var applicants = budget.ApplicantFunds ?? 0m;
        var joint = issuer + applicants;
        var requested = budget.RequestedSupport ?? 0m;
        var funding = new ConsortiumFunding(
            budget.Total ?? joint + requested, issuer, applicants, joint, round.SupportRatio, requested,
            FundingSupport.Amount(round.SupportRatio, joint, requested),
            [.. budget.Items.Where(i => !string.IsNullOrWhiteSpace(i.Category) && i.Amount is not null)
                .GroupBy(i => i.Category!.Trim(), StringComparer.Ordinal)
                .Select(g => new ConsortiumBudgetItem(g.Key, g.Sum(i => i.Amount!.Value)))]);
        var parties = AgreementComposer.Parties(record, demand)
            .Select(p => new ConsortiumParty(p.Role, p.Capacity, p.Name, p.CreditCode)).ToList();
        var milestones = record.Plan.Milestones
            .Select((m, i) => new ConsortiumMilestone(i + 1, string.IsNullOrWhiteSpace(m.Name) ? $"节点{i + 1}" : m.Name.Trim(), m.Due, m.Deliverable))
            .ToList();
        return new Consortium(IdFor(request.AgreementId), request.AgreementId, request.AgreementVersion, request.ApplicationId, request.ApplicationVersion,
            round.Id, demand.Id, demand.Title, demand.Sector, parties, funding, record.Plan.Start, record.Plan.End, milestones, request.SignedCopy);
    }
}
