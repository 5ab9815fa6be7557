using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>Panels and the conflict rules at organisation level: the issuer, the lead applicant, a co-applicant, and a conflict that arises later.</summary>
public sealed class PanelTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private static readonly string IssuerCode = Submissions.CreditCode(310);
    private static readonly string LateCode = Submissions.CreditCode(320);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceFactory, Task<string>> Seeded = [];
    private string _robot = "";

    public async Task InitializeAsync() => _robot = await Seeded.GetValue(factory, async f =>
    {
        using var staff = await f.StaffAsync();
        await ReviewRoles.SetIssuersAsync(staff, ("QL2020-BM-02", SampleProgramme.DemandIssuer, IssuerCode));
        return await ReviewRoles.SubmitAsync(f, "QL2020-BM-02", SampleForms.ApplicantCreditCode, "示例申报公司");
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Expert(string expertId, string organisation, string code) =>
        new { expertId, name = "李专家", organisation, organisationCreditCode = code, field = "医疗机器人" };

    [Theory]
    [InlineData("issuer")]
    [InlineData("lead-applicant")]
    [InlineData("co-applicant")]
    public async Task Expert_of_a_party_organisation_is_refused_with_409_naming_the_conflict(string kind)
    {
        using var staff = await factory.StaffAsync();
        var (organisation, code) = kind switch
        {
            "issuer" => (SampleProgramme.DemandIssuer, IssuerCode),
            "lead-applicant" => ("示例申报公司", SampleForms.ApplicantCreditCode),
            _ => (SampleForms.CoApplicantName, SampleForms.CoApplicantCreditCode),
        };

        var response = await staff.PostAsJsonAsync("/api/demands/QL2020-BM-02/panel", Expert($"conflicted-{kind}", organisation, code));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("expert-conflict", problem.GetProperty("code").GetString());
        Assert.Contains(organisation, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        var conflict = Assert.Single(problem.GetProperty("findings").EnumerateArray());
        Assert.Equal(kind, conflict.GetProperty("kind").GetString());
        Assert.Equal(kind == "issuer" ? JsonValueKind.Null : JsonValueKind.String, conflict.GetProperty("applicationId").ValueKind);
        // Nothing was assigned, and staff can ask why beforehand.
        Assert.DoesNotContain($"conflicted-{kind}", await staff.GetStringAsync("/api/demands/QL2020-BM-02/panel"), StringComparison.Ordinal);
        var check = await (await staff.PostAsJsonAsync("/api/demands/QL2020-BM-02/panel/check", Expert($"conflicted-{kind}", organisation, code))).JsonAsync();
        Assert.False(check.GetProperty("assignable").GetBoolean());
        Assert.Equal(kind, Assert.Single(check.GetProperty("conflicts").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Issuer_without_a_stored_credit_code_is_matched_by_name()
    {
        using var staff = await factory.StaffAsync();
        var issuer = (await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-05")).GetProperty("issuer").GetString()!;

        var response = await staff.PostAsJsonAsync("/api/demands/QL2020-BM-05/panel", Expert("by-name", $" {issuer} ", Submissions.CreditCode(330)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("issuer", Assert.Single((await response.JsonAsync()).GetProperty("findings").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Expert_without_conflict_is_assigned_once_listed_audited_and_removed()
    {
        using var staff = await factory.StaffAsync();
        var body = Expert("expert-zhao", "示例中立研究所", Submissions.CreditCode(340));

        var created = await staff.PostAsJsonAsync("/api/demands/QL2020-BM-02/panel", body);
        var again = await staff.PostAsJsonAsync("/api/demands/QL2020-BM-02/panel", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("expert-already-assigned", (await again.JsonAsync()).GetProperty("code").GetString());
        var member = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-02/panel")).EnumerateArray(),
            m => m.GetProperty("expertId").GetString() == "expert-zhao");
        Assert.Empty(member.GetProperty("conflicts").EnumerateArray());
        var trail = await staff.GetStringAsync("/api/audit?entityId=QL2020-BM-02&action=panel.assign");
        Assert.Contains("expert-zhao", trail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.DeleteAsync("/api/demands/QL2020-BM-02/panel/expert-zhao")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync("/api/demands/QL2020-BM-02/panel/expert-zhao")).StatusCode);
    }

    [Fact]
    public async Task Conflict_that_arises_after_the_assignment_is_shown_to_staff_and_hides_that_application_from_the_expert()
    {
        using var staff = await factory.StaffAsync();
        Assert.Equal(HttpStatusCode.Created,
            (await staff.PostAsJsonAsync("/api/demands/QL2020-BM-03/panel", Expert("expert-late", "示例后来申报公司", LateCode))).StatusCode);
        var neutral = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-03", Submissions.CreditCode(350), "示例中立申报公司");
        var own = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-03", LateCode, "示例后来申报公司");

        var member = Assert.Single((await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-03/panel")).EnumerateArray());
        var conflict = Assert.Single(member.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("lead-applicant", conflict.GetProperty("kind").GetString());
        Assert.Equal(own, conflict.GetProperty("applicationId").GetString());

        using var expert = await factory.ExpertAsync("expert-late");
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync($"/api/applications/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync($"/api/applications/{neutral}")).StatusCode);
        Assert.Equal(neutral, Assert.Single((await (await expert.GetAsync("/api/applications")).JsonAsync()).EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("""{"expertId":"e1","name":"甲","organisation":"示例所","organisationCreditCode":"91110108MA01C8QX21"}""", 400, "invalid-credit-code")]
    [InlineData("""{"expertId":"e1","organisation":"示例所","organisationCreditCode":"91110108MA01C8QX20"}""", 400, "panel-member-incomplete")]
    [InlineData("""{}""", 400, "panel-member-incomplete")]
    public async Task Bad_panel_member_is_refused_with_its_code(string json, int status, string code)
    {
        using var staff = await factory.StaffAsync();

        var response = await staff.PostAsync("/api/demands/QL2020-BM-02/panel", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Panel_of_an_unknown_demand_is_404()
    {
        using var staff = await factory.StaffAsync();

        var response = await staff.PostAsJsonAsync("/api/demands/QL1999-XX-01/panel", Expert("e2", "示例所", Submissions.CreditCode(360)));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown-demand", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.NotEmpty(_robot);
    }
}
