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
        else if (string.Equals(request.Role, Actor.ApplicantRole, StringComparison.Ordinal))
        {
            var code = UnifiedCreditCode.Normalize(request.CreditCode);
            if (code.Length != 18)
            {
                throw ApiProblemException.BadRequest("invalid-credit-code", "申报单位角色需要 18 位统一社会信用代码。",
                    "The applicant role needs an 18-character unified social credit code.");
            }

            actor = new Actor($"dev-applicant-{code}", Actor.ApplicantRole, code);
        }
        else
        {
            throw ApiProblemException.BadRequest("invalid-role", "角色只能是 applicant 或 staff。", "The role must be applicant or staff.");
        }

        return new DevTokenResponse(issuer.Issue(actor, request.Name));
    }
}

public sealed record DevTokenRequest(string? Role, string? CreditCode, string? Name);

public sealed record DevTokenResponse(string AccessToken);
