using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Consortia;

/// <summary>
/// Agreement signed by every party → consortium: a real submitted application, its drafted agreement, the countersigned file
/// uploaded by staff (a .docx as the parties returned it, or a PDF), the register and the file read back byte for byte.
/// </summary>
public sealed class ConsortiaTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static int _next = 100;

    private Task<(string AgreementId, string CreditCode)> DraftedAgreementAsync() => factory.DraftedAgreementAsync(Interlocked.Increment(ref _next));

    [Fact]
    public async Task Countersigned_docx_forms_the_consortium_with_parties_funding_dates_and_milestones_and_is_kept_byte_for_byte()
    {
        var (agreementId, code) = await DraftedAgreementAsync();
        using var staff = await factory.StaffAsync();
        // The parties' copy: the draft as Word saves it after signing (the text is ours; the bytes are theirs).
        var countersigned = await staff.GetByteArrayAsync($"/api/agreements/{agreementId}.docx");

        var formed = await staff.PostMultipartAsync($"/api/agreements/{agreementId}/countersigned", countersigned, "signed.docx");

        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        var consortium = await formed.JsonAsync();
        var id = consortium.GetProperty("id").GetString()!;
        Assert.Equal("LHT-" + agreementId[3..], id);
        Assert.Equal($"/api/consortia/{id}", formed.Headers.Location?.OriginalString);
        Assert.Equal((SampleProgramme.RoundId, SampleProgramme.DemandId, SampleProgramme.DemandSector),
            (consortium.GetProperty("roundId").GetString(), consortium.GetProperty("demandId").GetString(), consortium.GetProperty("sector").GetString()));
        Assert.Equal(
            [("甲方", SampleProgramme.DemandIssuer), ("乙方", SampleForms.ApplicantName), ("丙方", SampleForms.CoApplicantName)],
            consortium.GetProperty("parties").EnumerateArray().Select(p => (p.GetProperty("role").GetString()!, p.GetProperty("name").GetString()!)));
        Assert.Equal([null, code, SampleForms.CoApplicantCreditCode],
            consortium.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("creditCode").GetString()));
        var funding = consortium.GetProperty("funding");
        Assert.Equal((500m, 400m, 0.30m, 100m, 100m), (funding.GetProperty("agreedBudget").GetDecimal(), funding.GetProperty("jointInvestment").GetDecimal(),
            funding.GetProperty("supportRatio").GetDecimal(), funding.GetProperty("requestedSupport").GetDecimal(), funding.GetProperty("supportAmount").GetDecimal()));
        Assert.Equal((SampleForms.ProjectStart, SampleForms.ProjectEnd), (consortium.GetProperty("start").GetString(), consortium.GetProperty("end").GetString()));
        Assert.Equal(["2021-12-31", "2022-12-31"], consortium.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("due").GetString()));
        var copy = consortium.GetProperty("signedCopy");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(countersigned)), copy.GetProperty("sha256").GetString());
        Assert.Equal(countersigned.Length, copy.GetProperty("size").GetInt64());

        var back = await staff.GetAsync($"/api/consortia/{id}/agreement");
        Assert.Equal(countersigned, await back.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", back.Content.Headers.ContentType?.MediaType);
        Assert.Equal(copy.GetProperty("sha256").GetString(), back.Headers.GetValues("X-Content-SHA256").Single());
        var register = await staff.GetFromJsonAsync<JsonElement>($"/api/consortia?roundId={SampleProgramme.RoundId}");
        Assert.Contains(register.EnumerateArray(), c => c.GetProperty("id").GetString() == id);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "consortium" && a.EntityId == id).ToListAsync();
        Assert.Equal("consortium.form", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task Countersigned_pdf_is_kept_as_uploaded_and_a_second_upload_is_refused_without_changing_it()
    {
        var (agreementId, _) = await DraftedAgreementAsync();
        using var staff = await factory.StaffAsync();
        var pdf = BadUploads.PdfFile;

        var formed = await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned", pdf, "application/pdf");
        var again = await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned", [.. pdf, .. "% another scan\n"u8.ToArray()], "application/pdf");

        Assert.Equal(HttpStatusCode.Created, formed.StatusCode);
        var id = (await formed.JsonAsync()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("agreement-already-signed", (await again.JsonAsync()).GetProperty("code").GetString());
        var back = await staff.GetAsync($"/api/consortia/{id}/agreement");
        Assert.Equal("application/pdf", back.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await back.Content.ReadAsByteArrayAsync());
        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DocsDbContext>().Consortia.CountAsync(c => c.AgreementId == agreementId));
    }

    [Fact]
    public async Task Bad_files_unknown_agreements_and_non_staff_are_refused_and_nothing_is_formed()
    {
        var (agreementId, code) = await DraftedAgreementAsync();
        using var staff = await factory.StaffAsync();
        using var applicant = await factory.ApplicantAsync(code);

        var text = await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned", BadUploads.PlainText, "application/octet-stream");
        var macro = await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned", BadUploads.MacroEnabled, "application/octet-stream");
        var unknown = await staff.PostRawAsync("/api/agreements/XY-NOPE/countersigned", BadUploads.PdfFile, "application/pdf");
        var noVersion = await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned?version=9", BadUploads.PdfFile, "application/pdf");
        var byApplicant = await applicant.PostRawAsync($"/api/agreements/{agreementId}/countersigned", BadUploads.PdfFile, "application/pdf");

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "not-pdf-or-docx"), (text.StatusCode, (await text.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "macro-enabled"), (macro.StatusCode, (await macro.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "unknown-agreement"), (unknown.StatusCode, (await unknown.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byApplicant.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DocsDbContext>().Consortia.AnyAsync(c => c.AgreementId == agreementId));
    }

    [Fact]
    public async Task Each_party_reads_its_own_consortium_and_other_organisations_do_not_see_it()
    {
        var (agreementId, code) = await DraftedAgreementAsync();
        using var staff = await factory.StaffAsync();
        var id = (await (await staff.PostRawAsync($"/api/agreements/{agreementId}/countersigned", BadUploads.PdfFile, "application/pdf")).JsonAsync())
            .GetProperty("id").GetString()!;
        using var lead = await factory.ApplicantAsync(code);
        using var joint = await factory.ApplicantAsync(SampleForms.CoApplicantCreditCode);
        using var stranger = await factory.ApplicantAsync(Submissions.CreditCode(99_999));

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/consortia/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await joint.GetAsync($"/api/consortia/{id}/agreement")).StatusCode);
        var hidden = await stranger.GetAsync($"/api/consortia/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "unknown-consortium"), (hidden.StatusCode, (await hidden.JsonAsync()).GetProperty("code").GetString()));
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/consortia")).EnumerateArray());
        Assert.Contains((await lead.GetFromJsonAsync<JsonElement>("/api/consortia")).EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Round_targets_default_to_thirty_consortia_and_staff_set_them_with_a_budget()
    {
        using var staff = await factory.StaffAsync();

        var before = await staff.GetFromJsonAsync<JsonElement>("/api/rounds/demo/targets");
        var set = await staff.PutAsJsonAsync("/api/rounds/demo/targets", new { consortiumTarget = 12, supportBudget = 1500.5m });
        var after = await staff.GetFromJsonAsync<JsonElement>("/api/rounds/demo/targets");
        var bad = await staff.PutAsJsonAsync("/api/rounds/demo/targets", new { consortiumTarget = 0 });
        var unknown = await staff.GetAsync("/api/rounds/no-such-round/targets");

        Assert.Equal((30, JsonValueKind.Null), (before.GetProperty("consortiumTarget").GetInt32(), before.GetProperty("supportBudget").ValueKind));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal((12, 1500.5m), (after.GetProperty("consortiumTarget").GetInt32(), after.GetProperty("supportBudget").GetDecimal()));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-targets"), (bad.StatusCode, (await bad.JsonAsync()).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
