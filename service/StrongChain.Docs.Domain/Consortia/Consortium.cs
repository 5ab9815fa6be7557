namespace StrongChain.Docs.Domain.Consortia;

/// <summary>
/// An innovation consortium (创新联合体): formed when every party has signed the cooperation agreement. Amounts in 万元.
/// </summary>
public sealed record Consortium(
    string Id,
    string AgreementId,
    int AgreementVersion,
    string ApplicationId,
    int ApplicationVersion,
    string RoundId,
    string DemandId,
    string DemandTitle,
    string Sector,
    IReadOnlyList<ConsortiumParty> Parties,
    ConsortiumFunding Funding,
    DateOnly? Start,
    DateOnly? End,
    IReadOnlyList<ConsortiumMilestone> Milestones,
    SignedCopy SignedCopy);

/// <summary>A party by credit code and role: 甲方 发榜企业 (leads the consortium), 乙方 牵头揭榜单位, 丙方… 联合揭榜单位.</summary>
public sealed record ConsortiumParty(string Role, string Capacity, string Name, string? CreditCode);

/// <summary>
/// The agreed budget, the joint investment (issuer + applicants), the round's ratio and the support committed
/// (<see cref="FundingSupport"/>); <see cref="RequestedSupport"/> is what the application asked for.
/// </summary>
public sealed record ConsortiumFunding(
    decimal AgreedBudget,
    decimal IssuerFunds,
    decimal ApplicantFunds,
    decimal JointInvestment,
    decimal SupportRatio,
    decimal RequestedSupport,
    decimal SupportAmount,
    IReadOnlyList<ConsortiumBudgetItem> Items);

/// <summary>One budget item of the agreement (设备费, 材料费…), the ceiling progress reports are checked against.</summary>
public sealed record ConsortiumBudgetItem(string Category, decimal Amount);

/// <summary>A milestone of the agreed plan, numbered from 1 in the application's order.</summary>
public sealed record ConsortiumMilestone(int Number, string Name, DateOnly? Due, string? Deliverable);

/// <summary>The countersigned agreement as uploaded: kept byte for byte, named by its SHA-256.</summary>
public sealed record SignedCopy(string FileName, string ContentType, long Size, string Sha256, DateTimeOffset SignedAt, string SignedBy);
