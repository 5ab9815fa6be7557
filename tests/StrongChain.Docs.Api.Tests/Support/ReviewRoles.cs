using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using StrongChain.Docs.Domain.Programme;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>Signed-in experts and issuers (issue 15), and the first batch's demands changed through the list import.</summary>
public static class ReviewRoles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpClient> ExpertAsync(this WebApplicationFactory<Program> factory, string expertId)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/token", new { role = "expert", expertId });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<HttpClient> IssuerAsync(this WebApplicationFactory<Program> factory, string creditCode)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Submissions.TokenAsync(client, "issuer", creditCode));
        return client;
    }

    /// <summary>Re-imports the first batch with some demands' issuer (and credit code) changed: the list import is how staff do it.</summary>
    public static async Task SetIssuersAsync(HttpClient staff, params (string DemandId, string Issuer, string CreditCode)[] changes)
    {
        var demands = (await staff.GetFromJsonAsync<List<Demand>>("/api/demands?roundId=2020-01", Json))!;
        var headers = new[] { "id", "sector", "title", "issuer", "issuerCreditCode", "summary", "indicators", "deadlineMonths", "procurement", "contactName", "contactPhone", "reviewStatus" };
        var rows = demands.Select(d =>
        {
            var change = changes.FirstOrDefault(c => c.DemandId == d.Id);
            return new object?[] { d.Id, d.Sector, d.Title, change.Issuer ?? d.Issuer, change.CreditCode ?? d.IssuerCreditCode, d.Summary, d.Indicators,
                d.DeadlineMonths, d.Procurement, d.ContactName, d.ContactPhone, d.ReviewStatus };
        }).ToList();
        var response = await staff.PostAsJsonAsync("/api/demands/import-table?roundId=2020-01", new { headers, rows });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Submits the complete sample form (its co-applicant is <c>SampleForms.CoApplicantCreditCode</c>) and answers the application id.</summary>
    public static async Task<string> SubmitAsync(WebApplicationFactory<Program> factory, string demandId, string creditCode, string name)
    {
        using var applicant = await factory.ApplicantAsync(creditCode);
        var response = await applicant.PostMultipartAsync("/api/applications", await Submissions.FormAsync(applicant, demandId, creditCode, name));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
