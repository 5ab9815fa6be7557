namespace StrongChain.Docs.Domain.Records;

/// <summary>
/// Stage "record": a filled application form as typed data. A value that is missing or could not be
/// read as its type is null here and explained by a finding; left-behind empty repeating items are dropped.
/// </summary>
public sealed record ApplicationRecord(
    FormIdentity Form,
    DemandFacts Demand,
    LeadApplicant Applicant,
    IReadOnlyList<CoApplicant> CoApplicants,
    Declarations Declarations,
    string? PriorCooperation,
    TechnicalPlan Plan,
    Budget Budget,
    Signature Signature,
    bool Recovered = false);

/// <summary>The template markers: which template version, round and demand the form belongs to.</summary>
public sealed record FormIdentity(string TemplateVersion, string RoundId, string DemandId);

/// <summary>The locked demand facts as they stand in the form.</summary>
public sealed record DemandFacts(string? Id, string? Title, string? Issuer, string? Sector, string? RoundId);

public sealed record LeadApplicant(
    string? Name,
    string? CreditCode,
    string? OrgType,
    string? Region,
    string? LegalRepresentative,
    DateOnly? Established,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    int? StaffCount,
    int? RdStaffCount,
    decimal? LastYearRevenue,
    decimal? LastYearRdSpend,
    string? TransformationRecord);

public sealed record CoApplicant(
    string? Name,
    string? CreditCode,
    string? OrgType,
    string? Region,
    string? Task,
    string? ContactName,
    string? ContactPhone);

public sealed record Declarations(bool IndependentLegalPerson, bool FirstCooperation, bool GoodStanding, bool Truthful);

public sealed record TechnicalPlan(
    string? Summary,
    string? Approach,
    string? Foundation,
    string? LeaderName,
    string? LeaderTitle,
    string? LeaderPhone,
    DateOnly? Start,
    DateOnly? End,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<TeamMember> Team);

public sealed record Indicator(string? Name, string? Target);

public sealed record Milestone(string? Name, DateOnly? Due, string? Deliverable);

public sealed record TeamMember(string? Name, string? Title, string? Organization, string? Role);

public sealed record Budget(
    decimal? Total,
    decimal? IssuerFunds,
    decimal? ApplicantFunds,
    decimal? RequestedSupport,
    IReadOnlyList<BudgetItem> Items);

public sealed record BudgetItem(string? Category, decimal? Amount, string? Note);

public sealed record Signature(string? LegalRepresentative, bool SealPresent, DateOnly? Date);
