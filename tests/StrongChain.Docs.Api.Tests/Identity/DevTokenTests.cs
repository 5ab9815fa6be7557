using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Identity;

[Collection(ServiceCollection.Name)]
public sealed class DevTokenTests(ServiceFactory factory)
{
    [Theory]
    [InlineData("/api/applications")]
    [InlineData("/api/applications/export")]
    [InlineData("/api/applications/0123456789abcdef0123456789abcdef")]
    public async Task Stored_data_needs_a_token(string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/rounds")]
    [InlineData("/api/demands")]
    [InlineData("/api/templates/application?demandId=QL2020-BM-02")]
    public async Task Reading_the_programme_stays_anonymous(string url)
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_forged_or_garbage_token_is_401()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic3RhZmYifQ.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/applications")).StatusCode);
    }

    [Fact]
    public async Task Staff_token_reads_the_export_applicant_token_does_not()
    {
        using var staff = await factory.StaffAsync();
        using var applicant = await factory.ApplicantAsync();
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/applications/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/applications/export")).StatusCode);
    }

    [Theory]
    [InlineData("{\"role\":\"admin\"}", "invalid-role")]
    [InlineData("{\"role\":\"applicant\"}", "invalid-credit-code")]
    public async Task Token_request_for_an_unknown_role_or_without_credit_code_is_400(string body, string code)
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync("/api/dev/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Token_route_is_404_outside_Development()
    {
        using var production = new ProductionFactory();
        using var client = production.CreateClient();

        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "staff" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class ProductionFactory : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
