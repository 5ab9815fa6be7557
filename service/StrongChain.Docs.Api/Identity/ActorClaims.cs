using System.Security.Claims;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.CreditCodes;

namespace StrongChain.Docs.Api.Identity;

/// <summary>Reads the caller as an <see cref="Actor"/> from either token kind (Development JWT or Entra ID).</summary>
public sealed class ActorClaims(string organisationClaim)
{
    private static readonly string[] RoleClaims = ["role", "roles", ClaimTypes.Role];

    private static readonly string[] KnownRoles = [Actor.StaffRole, Actor.ApplicantRole, Actor.IssuerRole, Actor.ExpertRole];

    private static readonly string[] SubjectClaims =
        ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", ClaimTypes.NameIdentifier];

    public Actor? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var roles = RoleClaims.SelectMany(user.FindAll).Select(c => c.Value).ToList();
        // One role per request, the widest first: a token with several roles acts in the first one listed here.
        var role = KnownRoles.FirstOrDefault(k => roles.Any(r => r.Equals(k, StringComparison.OrdinalIgnoreCase)));
        if (role is null)
        {
            return null;
        }

        var subject = SubjectClaims.Select(user.FindFirst).FirstOrDefault(c => c is not null)?.Value ?? "unknown";
        var creditCode = user.FindFirst(organisationClaim)?.Value is { Length: > 0 } code ? UnifiedCreditCode.Normalize(code) : null;
        return new Actor(subject, role, role is Actor.ApplicantRole or Actor.IssuerRole ? creditCode : null);
    }

    /// <summary>The actor of a request that passed its policy.</summary>
    public Actor Require(ClaimsPrincipal user) =>
        From(user) ?? throw new InvalidOperationException("The endpoint's policy let a caller through without a role.");
}
