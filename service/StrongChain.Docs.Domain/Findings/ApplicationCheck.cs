using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Findings;

/// <summary>Stage "findings": the typed record and everything found about it.</summary>
public sealed record ApplicationCheck(ApplicationRecord Record, IReadOnlyList<Finding> Findings)
{
    /// <summary>A form is complete when it has no error (warnings do not count).</summary>
    public bool Complete => !Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>Eligible when no error says the programme's conditions for applicants are unmet.</summary>
    public bool Eligible => !Findings.Any(f => f.Severity == Severity.Error && FindingCodes.Eligibility.Contains(f.Code));
}
