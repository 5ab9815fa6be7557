using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>
/// Issue 15's boundaries: every role tries every route of the other roles (403, nothing in the body but the problem), and the
/// routes every role may call show each only its own scope (404 or an empty list). Every application read is audited.
/// </summary>
public sealed partial class RoleBoundaryTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private static readonly string IssuerCode = Submissions.CreditCode(300);
    private const string ExpertId = "expert-wang";
    private static readonly string OtherCode = Submissions.CreditCode(77);

    private static readonly Dictionary<string, string[]> PoliciesOfRole = new(StringComparer.Ordinal)
    {
        ["staff"] = ["staff", "signed-in", "application-reader", "panel"],
        ["applicant"] = ["applicant", "signed-in", "application-reader"],
        ["issuer"] = ["issuer", "application-reader"],
        ["expert"] = ["expert", "application-reader", "panel"],
    };

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceFactory, Task<(string Robot, string Turbine)>> Seeded = [];
    private string _robot = "";
    private string _turbine = "";

    public async Task InitializeAsync() => (_robot, _turbine) = await Seeded.GetValue(factory, SeedAsync);

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<(string, string)> SeedAsync(ServiceFactory factory)
    {
        using var staff = await factory.StaffAsync();
        await ReviewRoles.SetIssuersAsync(staff, ("QL2020-BM-02", SampleProgramme.DemandIssuer, IssuerCode));
        var robot = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-02", SampleForms.ApplicantCreditCode, "示例申报公司");
        var turbine = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-01", OtherCode, "示例其他科技有限公司");
        var assign = await staff.PostAsJsonAsync("/api/demands/QL2020-BM-02/panel",
            new { expertId = ExpertId, name = "王专家", organisation = "示例大学", organisationCreditCode = Submissions.CreditCode(901), field = "医疗器械" });
        Assert.Equal(HttpStatusCode.Created, assign.StatusCode);
        return (robot, turbine);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("applicant")]
    [InlineData("issuer")]
    [InlineData("expert")]
    public async Task Every_route_of_the_other_roles_is_403_and_says_nothing_else(string role)
    {
        using var client = await ClientAsync(role);
        var routes = Routes().Where(r => r.Policy is { } p && !PoliciesOfRole[role].Contains(p)).ToList();
        Assert.NotEmpty(routes);

        var wrong = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url);
            if (route.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new ByteArrayContent("{}"u8.ToArray());
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(route.ContentType);
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains("\"code\":\"forbidden\"", StringComparison.Ordinal)
                || body.Contains("示例", StringComparison.Ordinal) || body.Contains(SampleForms.ApplicantCreditCode, StringComparison.Ordinal))
            {
                wrong.Add($"{route.Method} {route.Url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_policy_of_the_service_is_tried_by_the_boundary_test()
    {
        var known = PoliciesOfRole.Values.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);

        Assert.All(Routes().Where(r => r.Policy is not null), r => Assert.Contains(r.Policy!, known));
        Assert.Contains(Routes(), r => r.Policy == "expert");
        Assert.Contains(Routes(), r => r.Policy == "staff" && r.Url.Contains("/panel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expert_sees_only_the_applications_of_the_demands_on_its_panel()
    {
        using var expert = await factory.ExpertAsync(ExpertId);
        using var stranger = await factory.ExpertAsync("expert-not-on-any-panel");

        var list = (await (await expert.GetAsync("/api/applications")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(_robot, Assert.Single(list).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/applications/{_robot}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/applications/{_turbine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/applications/{_turbine}/document")).StatusCode);
        var seats = (await (await expert.GetAsync("/api/review/assignments")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal("QL2020-BM-02", Assert.Single(seats).GetProperty("demandId").GetString());

        Assert.Empty((await (await stranger.GetAsync("/api/applications")).JsonAsync()).EnumerateArray());
        var refused = await stranger.GetAsync($"/api/applications/{_robot}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("示例申报公司", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_sees_only_the_applications_to_its_own_demands()
    {
        using var issuer = await factory.IssuerAsync(IssuerCode);
        using var other = await factory.IssuerAsync(Submissions.CreditCode(555));

        var list = (await (await issuer.GetAsync("/api/applications?roundId=2020-01")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(_robot, Assert.Single(list).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await issuer.GetAsync($"/api/applications/{_robot}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await issuer.GetAsync($"/api/applications/{_turbine}")).StatusCode);

        Assert.Empty((await (await other.GetAsync("/api/applications")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{_robot}/document")).StatusCode);
    }

    [Fact]
    public async Task Applicant_of_another_organisation_reads_404_and_an_empty_list()
    {
        using var other = await factory.ApplicantAsync(OtherCode);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{_robot}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/applications/{_robot}/document")).StatusCode);
        Assert.Empty((await (await other.GetAsync("/api/applications?demandId=QL2020-BM-02")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Every_read_of_an_application_by_any_role_is_audited_with_who_read_it()
    {
        using var expert = await factory.ExpertAsync(ExpertId);
        using var issuer = await factory.IssuerAsync(IssuerCode);
        using var applicant = await factory.ApplicantAsync();
        using var staff = await factory.StaffAsync();
        using var refusedExpert = await factory.ExpertAsync("expert-refused");

        await expert.GetAsync($"/api/applications/{_robot}/document");
        await issuer.GetAsync($"/api/applications/{_robot}");
        await applicant.GetAsync($"/api/applications/{_robot}");
        await staff.GetAsync($"/api/applications/{_robot}");
        await refusedExpert.GetAsync($"/api/applications/{_robot}");

        var trail = (await (await staff.GetAsync($"/api/audit?entityId={_robot}&limit=500")).JsonAsync()).EnumerateArray().ToList();
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "application.document" && e.GetProperty("actor").GetString() == ExpertId
            && e.GetProperty("role").GetString() == "expert");
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "application.read" && e.GetProperty("role").GetString() == "issuer");
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "application.read" && e.GetProperty("role").GetString() == "applicant");
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "application.read" && e.GetProperty("role").GetString() == "staff");
        // A refused read shows nothing, so it is no read.
        Assert.DoesNotContain(trail, e => e.GetProperty("actor").GetString() == "expert-refused");
    }

    private async Task<HttpClient> ClientAsync(string role) => role switch
    {
        "staff" => await factory.StaffAsync(),
        "applicant" => await factory.ApplicantAsync(),
        "issuer" => await factory.IssuerAsync(IssuerCode),
        _ => await factory.ExpertAsync(ExpertId),
    };

    private sealed record Route(string Method, string Url, string? Policy, string ContentType);

    private List<Route> Routes()
    {
        _ = factory.CreateClient();
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Route(
                m, "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), p => Value(p.Groups[1].Value)),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                ContentType(e.Metadata.GetMetadata<IAcceptsMetadata>()))))];
    }

    private static string Value(string name) => name switch
    {
        "id" => Guid.NewGuid().ToString("N"),
        "demandId" => "QL2020-BM-02",
        "roundId" => "2020-01",
        "number" or "version" => "1", // int-constrained (progress reports): "x" would match no route at all
        _ => "x",
    };

    private static string ContentType(IAcceptsMetadata? accepts) =>
        accepts?.ContentTypes is { Count: > 0 } types
            ? types.FirstOrDefault(t => t == "application/json") ?? types.FirstOrDefault(t => t == "application/octet-stream") ?? types[0]
            : "application/json";

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
