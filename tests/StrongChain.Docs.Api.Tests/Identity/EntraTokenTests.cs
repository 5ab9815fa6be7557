using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Identity;

/// <summary>
/// The production scheme (Microsoft.Identity.Web over JwtBearer) with a locally made RSA key standing in for Entra ID's
/// published keys: same validation pipeline, no network.
/// </summary>
public sealed class EntraTokenTests : IDisposable
{
    private const string Tenant = "72f988bf-0000-4000-8000-000000000001";
    private const string ClientId = "5d1f1c5e-0000-4000-8000-000000000002";
    private const string Issuer = $"https://login.microsoftonline.com/{Tenant}/v2.0";
    private const string OrganisationClaim = "extn.creditCode";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly EntraFactory _factory = new();

    [Fact]
    public async Task Entra_applicant_token_with_app_role_and_organisation_claim_is_accepted()
    {
        using var client = Client(Token(["applicant"], SampleForms.ApplicantCreditCode));

        var list = await client.GetAsync("/api/applications");
        var submit = await client.PostMultipartAsync("/api/applications", await Submissions.FormAsync(client));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);
    }

    [Fact]
    public async Task Entra_staff_role_reaches_the_export()
    {
        using var client = Client(Token(["staff"], null));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/applications/export")).StatusCode);
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_401()
    {
        using var client = Client(Token(["staff"], null, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/applications")).StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_401()
    {
        using var client = Client(Token(["staff"], null, audience: "api://someone-else"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/applications")).StatusCode);
    }

    [Fact]
    public async Task Applicant_without_organisation_claim_is_403()
    {
        using var client = Client(Token(["applicant"], null));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/applications")).StatusCode);
    }

    [Fact]
    public async Task Dev_token_route_is_off_when_Entra_is_configured()
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsync("/api/dev/token", new StringContent("{\"role\":\"staff\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private static string Token(string[] roles, string? creditCode, SecurityKey? key = null, string audience = ClientId)
    {
        var claims = new List<Claim> { new("oid", Guid.NewGuid().ToString()), new("tid", Tenant), new("name", "测试用户"), new("ver", "2.0") };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        if (creditCode is not null)
        {
            claims.Add(new Claim(OrganisationClaim, creditCode));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _factory.Dispose();

    private sealed class EntraFactory : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
            builder.UseSetting("AzureAd:TenantId", Tenant);
            builder.UseSetting("AzureAd:ClientId", ClientId);
            builder.UseSetting("Identity:OrganisationClaim", OrganisationClaim);
            builder.ConfigureServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                // Entra ID's metadata and keys, made locally: the validation itself is the production one.
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(Key);
                o.Configuration = configuration;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                o.TokenValidationParameters.ValidIssuer = Issuer;
                o.TokenValidationParameters.IssuerValidator = null;
            }));
        }
    }
}
