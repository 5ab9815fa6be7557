using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StrongChain.Docs.Domain.Access;

namespace StrongChain.Docs.Api.Identity;

/// <summary>Signs Development tokens that the normal JwtBearer pipeline validates.</summary>
public sealed class DevTokenIssuer(SymmetricSecurityKey key)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public string Issue(Actor actor, string? name)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim> { new("sub", actor.Id), new("role", actor.Role) };
        if (actor.CreditCode is { } code)
        {
            claims.Add(new Claim("creditCode", code));
        }

        if (name is not null)
        {
            claims.Add(new Claim("name", name));
        }

        // Real time, not the service's TimeProvider: the token handler validates lifetimes against the system clock.
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IdentitySettings.DevIssuer,
            Audience = IdentitySettings.DevAudience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
