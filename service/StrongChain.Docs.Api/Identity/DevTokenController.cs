using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.CreditCodes;

namespace StrongChain.Docs.Api.Identity;

/// <summary><c>POST /api/dev/token</c>: a signed token for a role, in Development only (404 elsewhere).</summary>
[ApiController]
[Route("api/dev/token")]
[AllowAnonymous]
public sealed class DevTokenController(IWebHostEnvironment environment, IServiceProvider services) : ControllerBase
{
    [HttpPost]
    public ActionResult<DevTokenResponse> Issue([FromBody] DevTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!environment.IsDevelopment() || services.GetService<DevTokenIssuer>() is not { } issuer)
        {
            throw ApiProblemException.NotFound("not-found", "找不到请求的资源。", "The resource was not found.");
        }

        Actor actor;
        if (string.Equals(request.Role, Actor.StaffRole, StringComparison.Ordinal))
        {
            actor = new Actor("dev-staff", Actor.StaffRole, null);
        }
        else if (request.Role is Actor.ApplicantRole or Actor.IssuerRole)
        {
            var code = UnifiedCreditCode.Normalize(request.CreditCode);
            if (code.Length != 18)
            {
                throw ApiProblemException.BadRequest("invalid-credit-code", "申报单位与发榜企业角色需要 18 位统一社会信用代码。",
                    "The applicant and issuer roles need an 18-character unified social credit code.");
            }

            actor = new Actor($"dev-{request.Role}-{code}", request.Role, code);
        }
        else if (request.Role == Actor.ExpertRole)
        {
            // The panel names an expert by this id (in production, the Entra object id): it is the token's subject.
            if (string.IsNullOrWhiteSpace(request.ExpertId) || request.ExpertId.Length > 128)
            {
                throw ApiProblemException.BadRequest("expert-id-required", "评审专家角色需要专家编号（expertId，不超过128个字符）。",
                    "The expert role needs an expertId (at most 128 characters).");
            }

            actor = new Actor(request.ExpertId.Trim(), Actor.ExpertRole, null);
        }
        else
        {
            throw ApiProblemException.BadRequest("invalid-role", "角色只能是 applicant、staff、issuer 或 expert。", "The role must be applicant, staff, issuer or expert.");
        }

        return new DevTokenResponse(issuer.Issue(actor, request.Name));
    }
}

public sealed record DevTokenRequest(string? Role, string? CreditCode, string? Name, string? ExpertId = null);

public sealed record DevTokenResponse(string AccessToken);
