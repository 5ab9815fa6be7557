using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>Signed-in clients and complete forms for any demand and organisation.</summary>
public static class Submissions
{
    private static readonly ConcurrentDictionary<string, byte[]> Forms = new(StringComparer.Ordinal);

    /// <summary>A valid Beijing (Haidian) enterprise credit code, one per number.</summary>
    public static string CreditCode(int n) => SampleForms.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"91110108MA0{n:000000}"));

    public static async Task<string> TokenAsync(HttpClient anonymous, string role, string? creditCode = null)
    {
        var response = await anonymous.PostAsJsonAsync("/api/dev/token", new { role, creditCode });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<HttpClient> ApplicantAsync(this WebApplicationFactory<Program> factory, string creditCode = SampleForms.ApplicantCreditCode)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "applicant", creditCode));
        return client;
    }

    public static async Task<HttpClient> StaffAsync(this WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, "staff"));
        return client;
    }

    /// <summary>The complete valid form for a demand (template from the service), as the given organisation (signed 2021-01-15 unless told).</summary>
    public static async Task<byte[]> FormAsync(HttpClient client, string demandId = SampleProgramme.DemandId, string creditCode = SampleForms.ApplicantCreditCode, string? name = null, string? signDate = null)
    {
        var key = $"{demandId}|{creditCode}|{name}|{signDate}";
        if (Forms.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var template = await client.GetByteArrayAsync($"/api/templates/application?demandId={Uri.EscapeDataString(demandId)}");
        using var filler = FormFiller.Open(template);
        SampleForms.Fill(filler, SampleForms.CompleteValidValues);
        foreach (var tag in ApplicationForm.Declarations.Select(d => d.Tag))
        {
            filler.Check(tag);
        }

        filler.SetPicture("sign.seal").Set("applicant.creditCode", creditCode);
        if (name is not null)
        {
            filler.Set("applicant.name", name);
        }

        if (signDate is not null)
        {
            filler.Set("sign.date", signDate);
        }

        return Forms.GetOrAdd(key, filler.ToBytes());
    }
}
