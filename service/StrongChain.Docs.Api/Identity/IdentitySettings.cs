namespace StrongChain.Docs.Api.Identity;

/// <summary>Configuration section <c>Identity</c> (Entra ID itself is configured in <c>AzureAd</c>, see docs/identity.md).</summary>
public sealed record IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>The token claim that carries the applicant's unified social credit code.</summary>
    public string OrganisationClaim { get; init; } = "creditCode";

    /// <summary>Base64 HMAC key of the Development tokens; generated under the data folder when empty.</summary>
    public string? DevSigningKey { get; init; }

    public const string DevIssuer = "strongchain-docs-dev";
    public const string DevAudience = "strongchain-docs";

    public static IdentitySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new IdentitySettings
        {
            OrganisationClaim = section["OrganisationClaim"] is { Length: > 0 } claim ? claim : "creditCode",
            DevSigningKey = section["DevSigningKey"] is { Length: > 0 } key ? key : null,
        };
    }
}
