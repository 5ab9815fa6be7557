using System.Net;
using System.Net.Http.Json;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>Agreements and consortia made the way users make them: a submission, the agreement staff draft, the countersigned upload.</summary>
public static class Agreements
{
    /// <summary>A fresh organisation (credit code number <paramref name="n"/>) submits to the sample demand and staff draft its agreement.</summary>
    public static async Task<(string AgreementId, string CreditCode)> DraftedAgreementAsync(this ServiceFactory factory, int n)
    {
        var code = Submissions.CreditCode(n);
        using var applicant = await factory.ApplicantAsync(code);
        var submitted = await applicant.PostMultipartAsync("/api/applications", await Submissions.FormAsync(applicant, creditCode: code));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var applicationId = (await submitted.JsonAsync()).GetProperty("id").GetString()!;
        using var staff = await factory.StaffAsync();
        var drafted = await staff.PostAsJsonAsync("/api/agreements", new { applicationId });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        return ((await drafted.JsonAsync()).GetProperty("agreementId").GetString()!, code);
    }

    /// <summary>The same, then the countersigned PDF uploaded by staff: the consortium's id and the lead unit's credit code.</summary>
    public static async Task<(string ConsortiumId, string CreditCode)> FormedConsortiumAsync(this ServiceFactory factory, int n)
    {
        var (agreementId, code) = await factory.DraftedAgreementAsync(n);
        using var staff = await factory.StaffAsync();
        var formed = await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned", BadUploads.PdfFile, "application/pdf");
        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        return ((await formed.JsonAsync()).GetProperty("id").GetString()!, code);
    }
}
