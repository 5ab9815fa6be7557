namespace StrongChain.Docs.Domain.Findings;

/// <summary>The finding codes of application-form.md, listed once.</summary>
public static class FindingCodes
{
    public const string Required = "required";
    public const string Format = "format";
    public const string CreditCodeChecksum = "credit-code-checksum";
    public const string NotLegalPerson = "not-legal-person";
    public const string RegionNotMainland = "region-not-mainland";
    public const string RegionMismatch = "region-mismatch";
    public const string DeclarationUnchecked = "declaration-unchecked";
    public const string DateOrder = "date-order";
    public const string DateInFuture = "date-in-future";
    public const string ProjectTooLong = "project-too-long";
    public const string BudgetSumMismatch = "budget-sum-mismatch";
    public const string BudgetSplitMismatch = "budget-split-mismatch";
    public const string SupportRatioExceeded = "support-ratio-exceeded";
    public const string IssuerFundsMissing = "issuer-funds-missing";
    public const string DuplicateParty = "duplicate-party";
    public const string TooManyCoApplicants = "too-many-co-applicants";
    public const string LockedFieldChanged = "locked-field-changed";
    public const string UnknownTemplate = "unknown-template";
    public const string TransformationRecordMissing = "transformation-record-missing";
    public const string PriorCooperationDeclared = "prior-cooperation-declared";
    public const string WindowClosed = "window-closed";
    public const string SealMissing = "seal-missing";
    public const string MemberOrganizationUnknown = "member-organization-unknown";
    public const string OutOfRange = "out-of-range";
    public const string DemandMismatch = "demand-mismatch";
    public const string FormStructureLost = "form-structure-lost";
    public const string RecoveredByLabel = "recovered-by-label";
    public const string NotRecovered = "not-recovered";

    /// <summary>
    /// Errors that mean the applicant does not meet the programme's conditions (揭榜条件 1–3). A failed checksum is
    /// not one: it is a typo that leaves the form incomplete, and says nothing about the unit.
    /// </summary>
    public static readonly IReadOnlySet<string> Eligibility = new HashSet<string>(StringComparer.Ordinal)
    {
        NotLegalPerson, RegionNotMainland, DeclarationUnchecked, TransformationRecordMissing,
    };
}
