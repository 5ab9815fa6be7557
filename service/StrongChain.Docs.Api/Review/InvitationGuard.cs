using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Review;

namespace StrongChain.Docs.Api.Review;

/// <summary>
/// Invited bidding: the form download, the checks and the submits of an invitation-only demand refuse every organisation
/// that is not invited (403 <c>not-invited</c>), before anything is stored.
/// </summary>
public sealed class InvitationGuard(IReviewStore review)
{
    /// <summary>
    /// Refuses when the demand is invitation-only and either the caller (an applicant or issuer not invited, or nobody signed in)
    /// or the organisation the form names is not invited. Staff pass; a form that names no code yet is judged by the caller only.
    /// </summary>
    public async Task EnsureAdmittedAsync(Demand demand, Actor? caller, string? formCreditCode, bool callerRequired, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(demand);
        if (caller?.IsStaff == true || await review.InvitationAsync(demand.Id, ct) is not { } invitation)
        {
            return;
        }

        var code = UnifiedCreditCode.Normalize(formCreditCode);
        if ((code.Length > 0 && !invitation.Admits(code)) || (callerRequired && !invitation.Admits(caller?.CreditCode)))
        {
            throw new ApiProblemException(StatusCodes.Status403Forbidden, "not-invited",
                $"需求“{demand.Id}”为小范围邀标，仅受邀单位可以下载申报书、检查和提交；{(code.Length > 0 && !invitation.Admits(code) ? $"单位“{code}”" : "当前登录单位")}不在受邀名单中。",
                $"Demand '{demand.Id}' is invitation-only: only invited organisations may download the form, check and submit; {(code.Length > 0 && !invitation.Admits(code) ? $"organisation '{code}'" : "the signed-in organisation")} is not invited.");
        }
    }
}
