using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>
/// An application whose lead or co-applicant already has an agreement with the same issuer is flagged (programme.md: applicant
/// and issuer cooperate for the first time). Every sample form names the same co-applicant, so a second organisation's form
/// is flagged through its co-applicant.
/// </summary>
public sealed class PriorCooperationTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static readonly string IssuerCode = Submissions.CreditCode(410);

    [Fact]
    public async Task Lead_and_co_applicant_with_an_agreement_with_the_same_issuer_are_flagged_and_other_issuers_are_not()
    {
        using var staff = await factory.StaffAsync();
        await ReviewRoles.SetIssuersAsync(staff,
            ("QL2020-BM-02", SampleProgramme.DemandIssuer, IssuerCode), ("QL2020-BM-03", SampleProgramme.DemandIssuer, IssuerCode));
        var first = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-02", SampleForms.ApplicantCreditCode, "示例申报公司");
        var drafted = await staff.PostAsJsonAsync("/api/agreements", new { applicationId = first });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var agreementId = (await drafted.JsonAsync()).GetProperty("agreementId").GetString();
        var again = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-03", SampleForms.ApplicantCreditCode, "示例申报公司");
        var partner = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-03", Submissions.CreditCode(420), "示例伙伴公司");
        var elsewhere = await ReviewRoles.SubmitAsync(factory, "QL2020-BM-04", SampleForms.ApplicantCreditCode, "示例申报公司");

        var sameIssuer = await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-03/review");
        var otherIssuer = await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-04/review");
        var own = await staff.GetFromJsonAsync<JsonElement>("/api/demands/QL2020-BM-02/review");

        var lead = Item(sameIssuer, again);
        Assert.True(lead.GetProperty("priorCooperation").GetBoolean());
        Assert.Contains(lead.GetProperty("priorCooperationFlags").EnumerateArray(), f => f.GetProperty("role").GetString() == "lead-applicant"
            && f.GetProperty("agreementId").GetString() == agreementId && f.GetProperty("agreementDemandId").GetString() == "QL2020-BM-02");
        var co = Assert.Single(Item(sameIssuer, partner).GetProperty("priorCooperationFlags").EnumerateArray());
        Assert.Equal("co-applicant", co.GetProperty("role").GetString());
        Assert.Equal(SampleForms.CoApplicantCreditCode, co.GetProperty("creditCode").GetString());
        Assert.False(Item(otherIssuer, elsewhere).GetProperty("priorCooperation").GetBoolean());
        // The agreement of the application itself is the cooperation under review, not a prior one.
        Assert.False(Item(own, first).GetProperty("priorCooperation").GetBoolean());
    }

    private static JsonElement Item(JsonElement review, string id) =>
        Assert.Single(review.GetProperty("applications").EnumerateArray(), a => a.GetProperty("id").GetString() == id);
}
