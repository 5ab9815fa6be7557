using StrongChain.Docs.Domain.CreditCodes;

namespace StrongChain.Docs.Domain.Review;

/// <summary>Invited bidding (小范围邀标): only the organisations listed may download the form, check and submit.</summary>
public sealed record Invitation(string DemandId, IReadOnlyList<string> CreditCodes)
{
    public bool Admits(string? creditCode) =>
        creditCode is { Length: > 0 } && CreditCodes.Contains(UnifiedCreditCode.Normalize(creditCode), StringComparer.Ordinal);
}
