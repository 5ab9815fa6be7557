using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using StrongChain.Docs.Domain.Access;

namespace StrongChain.Docs.Api.Identity;

/// <summary>Bearer authentication (Entra ID when <c>AzureAd:ClientId</c> is set, else Development tokens) and the policies.</summary>
public static class IdentitySetup
{
    public static bool UsesEntra(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection("AzureAd")["ClientId"]);

    public static IServiceCollection AddDocsIdentity(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var settings = IdentitySettings.From(configuration);
        var actors = new ActorClaims(settings.OrganisationClaim);
        services.AddSingleton(settings);
        services.AddSingleton(actors);

        if (UsesEntra(configuration))
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme);
        }
        else
        {
            var key = DevSigningKey.Load(settings, dataDirectory);
            services.AddSingleton(new DevTokenIssuer(key));
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = IdentitySettings.DevIssuer,
                    ValidAudience = IdentitySettings.DevAudience,
                    IssuerSigningKey = key,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
            });
        }

        // Default deny is on the mapped endpoints (Program.cs), not a fallback policy: that would turn an unknown route's 404 into 401.
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Applicant, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.ApplicantRole, CreditCode.Length: > 0 }))
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.StaffRole }))
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.StaffRole } or { Role: Actor.ApplicantRole, CreditCode.Length: > 0 }))
            .AddPolicy(Policies.Expert, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.ExpertRole }))
            .AddPolicy(Policies.Issuer, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.IssuerRole, CreditCode.Length: > 0 }))
            .AddPolicy(Policies.Panel, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.StaffRole or Actor.ExpertRole }))
            .AddPolicy(Policies.ApplicationReader, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => actors.From(c.User) is { Role: Actor.StaffRole } or { Role: Actor.ExpertRole }
                    or { Role: Actor.ApplicantRole or Actor.IssuerRole, CreditCode.Length: > 0 }));
        return services;
    }
}
