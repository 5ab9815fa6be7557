using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>Invited bidding (小范围邀标): download, check and submit refuse organisations not invited; what they stored before stays; the bulletin marks the demand.</summary>
public sealed class InvitedBiddingTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private const string Demand = "QL2020-BM-04";
    private static readonly string Invited = Submissions.CreditCode(510);
    private static readonly string Outsider = Submissions.CreditCode(520);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceFactory, Task<string>> Seeded = [];
    private string _earlier = "";

    public async Task InitializeAsync() => _earlier = await Seeded.GetValue(factory, async f =>
    {
        // The outsider applied while the demand was an open call; making it invitation-only keeps that application as it is.
        var earlier = await ReviewRoles.SubmitAsync(f, Demand, Outsider, "示例局外公司");
        using var staff = await f.StaffAsync();
        var set = await staff.PutAsJsonAsync($"/api/demands/{Demand}/invitation", new { invitationOnly = true, creditCodes = new[] { Invited.ToLowerInvariant() } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        return earlier;
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Staff_read_the_invitation_with_codes_normalised()
    {
        using var staff = await factory.StaffAsync();

        var invitation = await staff.GetFromJsonAsync<JsonElement>($"/api/demands/{Demand}/invitation");

        Assert.True(invitation.GetProperty("invitationOnly").GetBoolean());
        Assert.Equal(Invited, Assert.Single(invitation.GetProperty("creditCodes").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Form_download_is_refused_to_anyone_not_invited_and_given_to_the_invited_and_staff()
    {
        using var outsider = await factory.ApplicantAsync(Outsider);
        using var invited = await factory.ApplicantAsync(Invited);
        using var staff = await factory.StaffAsync();
        var url = $"/api/templates/application?demandId={Demand}";

        var anonymous = await factory.CreateClient().GetAsync(url);
        var refused = await outsider.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("not-invited", problem.GetProperty("code").GetString());
        Assert.Contains("小范围邀标", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await invited.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Check_and_submit_of_an_organisation_not_invited_are_refused_and_its_earlier_application_is_untouched()
    {
        using var staff = await factory.StaffAsync();
        using var outsider = await factory.ApplicantAsync(Outsider);
        var form = await Submissions.FormAsync(staff, Demand, Outsider, "示例局外公司");
        var before = await staff.GetStringAsync($"/api/applications/{_earlier}");

        var check = await factory.CreateClient().PostMultipartAsync("/api/applications/check", form);
        var submit = await outsider.PostMultipartAsync("/api/applications", form);

        Assert.Equal(HttpStatusCode.Forbidden, check.StatusCode);
        Assert.Equal("not-invited", (await check.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal("not-invited", (await submit.JsonAsync()).GetProperty("code").GetString());
        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/applications/{_earlier}");
        Assert.Equal(1, after.GetProperty("latestVersion").GetInt32());
        Assert.Equal(JsonDocument.Parse(before).RootElement.GetProperty("versions").GetRawText(), after.GetProperty("versions").GetRawText());
    }

    [Fact]
    public async Task Record_routes_refuse_a_record_of_an_organisation_not_invited()
    {
        using var outsider = await factory.ApplicantAsync(Outsider);
        var record = new { applicant = new { name = "示例局外公司", creditCode = Outsider } };

        var check = await factory.CreateClient().PostAsJsonAsync($"/api/applications/check-record?demandId={Demand}", record);
        var submit = await outsider.PostAsJsonAsync($"/api/applications/record?demandId={Demand}", record);

        Assert.Equal("not-invited", (await check.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
    }

    [Fact]
    public async Task Invited_organisation_checks_and_submits_as_in_an_open_call()
    {
        using var invited = await factory.ApplicantAsync(Invited);
        var form = await Submissions.FormAsync(invited, Demand, Invited, "示例受邀公司");

        Assert.Equal(HttpStatusCode.OK, (await invited.PostMultipartAsync("/api/applications/check", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await invited.PostMultipartAsync("/api/applications", form)).StatusCode);
    }

    [Fact]
    public async Task Demand_opened_again_hands_its_form_to_anyone()
    {
        using var staff = await factory.StaffAsync();
        await staff.PutAsJsonAsync("/api/demands/QL2020-BM-05/invitation", new { invitationOnly = true, creditCodes = new[] { Invited } });
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient().GetAsync("/api/templates/application?demandId=QL2020-BM-05")).StatusCode);

        var open = await staff.PutAsJsonAsync("/api/demands/QL2020-BM-05/invitation", new { invitationOnly = false });

        Assert.False((await open.JsonAsync()).GetProperty("invitationOnly").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/templates/application?demandId=QL2020-BM-05")).StatusCode);
    }

    [Theory]
    [InlineData("""{"invitationOnly":true,"creditCodes":["91110108MA01C8QX21"]}""", "invalid-credit-code")]
    [InlineData("""{"invitationOnly":true,"creditCodes":[]}""", "invitation-incomplete")]
    [InlineData("""{}""", "invitation-incomplete")]
    public async Task Bad_invitation_is_400_and_changes_nothing(string json, string code)
    {
        using var staff = await factory.StaffAsync();

        var response = await staff.PutAsync($"/api/demands/{Demand}/invitation", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(Invited, (await staff.GetFromJsonAsync<JsonElement>($"/api/demands/{Demand}/invitation")).GetProperty("creditCodes")[0].GetString());
    }

    [Fact]
    public async Task Bulletin_marks_the_invitation_only_demand_in_the_list_and_its_details()
    {
        using var staff = await factory.StaffAsync();
        var created = await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        var docx = await factory.CreateClient().GetByteArrayAsync($"/api/bulletins/{id}.docx");

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.Contains(Demand, StringComparison.Ordinal) && p.EndsWith("CT滑环（小范围邀标）", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p == "CT滑环（小范围邀标）");
        Assert.Contains(paragraphs, p => p.Contains("揭榜方式", StringComparison.Ordinal) && p.Contains("仅受邀单位", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("医用铂铬合金管（小范围邀标）", StringComparison.Ordinal));
    }
}
