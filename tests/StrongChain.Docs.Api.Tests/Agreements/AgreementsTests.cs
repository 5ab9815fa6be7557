using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Records;
using StrongChain.Docs.Signing;
using StrongChain.Docs.Storage.Applications;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Agreements;

/// <summary>
/// Agreements for a real submitted application (lead applicant and one joint applicant): drafted, downloaded as Word and as a
/// signed PDF, verified by our endpoint and by poppler's pdfsig, then altered by one byte and verified again.
/// </summary>
public sealed class AgreementsTests(ServiceFactory factory) : IClassFixture<ServiceFactory>, IAsyncLifetime
{
    private const string Pdf = "application/pdf";
    private string _applicationId = "";
    private JsonElement _draft;

    public async Task InitializeAsync()
    {
        using var applicant = await factory.ApplicantAsync();
        var submitted = await applicant.PostMultipartAsync("/api/applications", await Submissions.FormAsync(applicant));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        _applicationId = (await submitted.JsonAsync()).GetProperty("id").GetString()!;

        using var staff = await factory.StaffAsync();
        var drafted = await staff.PostAsJsonAsync("/api/agreements", new { applicationId = _applicationId });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        _draft = await drafted.JsonAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string AgreementId => _draft.GetProperty("agreementId").GetString()!;

    [Fact]
    public async Task Draft_names_every_party_and_comes_back_as_the_stored_Word_file()
    {
        using var staff = await factory.StaffAsync();

        var docx = await staff.GetAsync($"/api/agreements/{AgreementId}.docx");

        Assert.Equal("XY-QL2020-BM-02-0001", AgreementId);
        Assert.Equal(3, _draft.GetProperty("partyCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal(_draft.GetProperty("docxSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var text = DocxText.Of(bytes);
        Assert.Contains($"甲方（发榜企业）：{SampleProgramme.DemandIssuer}", text, StringComparison.Ordinal);
        Assert.Contains($"乙方（牵头揭榜单位）：{SampleForms.ApplicantName}", text, StringComparison.Ordinal);
        Assert.Contains($"丙方（联合揭榜单位）：{SampleForms.CoApplicantName}", text, StringComparison.Ordinal);
        Assert.Contains("北京市有管辖权的人民法院", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_pdf_verifies_for_us_and_for_pdfsig_and_one_changed_byte_is_caught_by_both()
    {
        using var applicant = await factory.ApplicantAsync();
        var pdf = await (await applicant.GetAsync($"/api/agreements/{AgreementId}.pdf")).Content.ReadAsByteArrayAsync();

        var verified = await VerifyAsync(pdf);
        Assert.True(verified.GetProperty("valid").GetBoolean());
        Assert.Equal("signed-by-platform", verified.GetProperty("reason").GetString());
        Assert.Equal(AgreementId, verified.GetProperty("agreementId").GetString());
        Assert.Equal(_draft.GetProperty("docxSha256").GetString(), verified.GetProperty("docxSha256").GetString());
        Assert.True(verified.GetProperty("registered").GetBoolean());
        Assert.Equal("ETSI.CAdES.detached", verified.GetProperty("subFilter").GetString());
        var pdfsig = await Poppler.PdfsigAsync(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", pdfsig, StringComparison.Ordinal);

        var text = await Poppler.TextAsync(pdf);
        Assert.Contains("合作研发协议", text, StringComparison.Ordinal);
        Assert.Contains(SampleForms.CoApplicantName, text, StringComparison.Ordinal);

        var altered = (byte[])pdf.Clone();
        var at = Encoding.Latin1.GetString(altered).IndexOf("/Producer", StringComparison.Ordinal);
        altered[at + 3] ^= 0x20;
        var tampered = await VerifyAsync(altered);
        Assert.False(tampered.GetProperty("valid").GetBoolean());
        Assert.Equal("altered", tampered.GetProperty("reason").GetString());
        Assert.Contains("Digest Mismatch", await Poppler.PdfsigAsync(altered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_pdf_is_made_once_and_every_download_is_the_same_file()
    {
        using var staff = await factory.StaffAsync();

        var first = await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.pdf");
        var second = await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.pdf");

        Assert.Equal(first, second);
        var register = await staff.GetFromJsonAsync<JsonElement>("/api/agreements?roundId=2020-01");
        var entry = Assert.Single(register.EnumerateArray(), e => e.GetProperty("agreementId").GetString() == AgreementId);
        Assert.True(entry.GetProperty("signed").GetBoolean());
    }

    [Fact]
    public async Task Drafting_again_makes_version_two_and_keeps_version_one()
    {
        using var staff = await factory.StaffAsync();
        var before = await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.docx?version=1");

        var again = await (await staff.PostAsJsonAsync("/api/agreements", new { applicationId = _applicationId })).JsonAsync();

        Assert.Equal(AgreementId, again.GetProperty("agreementId").GetString());
        Assert.True(again.GetProperty("version").GetInt32() >= 2);
        Assert.Equal(before, await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.docx?version=1"));
        Assert.Contains("第2版", DocxText.Of(await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.docx?version=2")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_foreign_signed_and_non_pdf_files_each_get_their_own_answer()
    {
        using var staff = await factory.StaffAsync();
        var signed = await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.pdf");
        using var stranger = SigningCertificate.CreateDevelopment(DateTimeOffset.UtcNow, "CN=Not the platform, C=CN");
        var unsigned = await factory.Services.GetRequiredService<Documents.Rendering.PdfRenderer>()
            .RenderAsync(await staff.GetByteArrayAsync($"/api/agreements/{AgreementId}.docx"), CancellationToken.None);
        var foreign = await new PadesSigner(stranger, null, "Elsewhere").SignAsync(unsigned, new SignatureStamp(AgreementId, new string('0', 64), DateTimeOffset.UtcNow), CancellationToken.None);

        Assert.Equal("not-signed", (await VerifyAsync(unsigned)).GetProperty("reason").GetString());
        var other = await VerifyAsync(foreign);
        Assert.Equal("other-signer", other.GetProperty("reason").GetString());
        Assert.Equal("Not the platform", other.GetProperty("signer").GetString());
        Assert.False(other.GetProperty("registered").GetBoolean());
        var notPdf = await factory.CreateClient().PostRawAsync("/api/agreements/verify", Encoding.UTF8.GetBytes("合作研发协议"), "application/octet-stream");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notPdf.StatusCode);
        Assert.Equal("not-a-pdf", (await notPdf.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("signed-by-platform", (await VerifyAsync(signed)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Only_staff_draft_and_only_staff_and_the_lead_applicant_read()
    {
        using var lead = await factory.ApplicantAsync();
        using var other = await factory.ApplicantAsync(Submissions.CreditCode(77));

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/agreements", new { applicationId = _applicationId })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/agreements/{AgreementId}.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/agreements/{AgreementId}.docx")).StatusCode);
        var hidden = await other.GetAsync($"/api/agreements/{AgreementId}.docx");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("unknown-agreement", (await hidden.JsonAsync()).GetProperty("code").GetString());
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/agreements")).EnumerateArray());
    }

    [Fact]
    public async Task Application_that_is_not_complete_and_eligible_gets_no_agreement_but_its_findings()
    {
        // The submit route refuses forms with errors, so store one directly as an older rule set could have accepted it.
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IApplicationStore>();
        var detail = (await store.FindAsync(_applicationId, null, CancellationToken.None))!;
        var record = JsonSerializer.Deserialize<ApplicationRecord>(detail.RecordJson, StrongChain.Docs.Storage.StorageJson.Options)!;
        var finding = new Domain.Findings.Finding("decl.firstCooperation", "decl.firstCooperation", 0, "declaration-unchecked", Domain.Findings.Severity.Error, "请勾选承诺事项。", "Tick the declaration.");
        var receipt = await store.SubmitAsync(new NewSubmission("QL2020-BM-01", "2020-01", Submissions.CreditCode(88), "示例未通过单位", [1, 2, 3],
            record, [finding], Complete: false, Eligible: false, new Actor("applicant-88", Actor.ApplicantRole, Submissions.CreditCode(88))), CancellationToken.None);
        using var staff = await factory.StaffAsync();

        var response = await staff.PostAsJsonAsync("/api/agreements", new { applicationId = receipt.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("application-not-eligible", problem.GetProperty("code").GetString());
        Assert.Equal("declaration-unchecked", Assert.Single(problem.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
        var unknown = await staff.PostAsJsonAsync("/api/agreements", new { applicationId = Guid.NewGuid().ToString("N") });
        Assert.Equal("unknown-application", (await unknown.JsonAsync()).GetProperty("code").GetString());
    }

    private async Task<JsonElement> VerifyAsync(byte[] pdf)
    {
        var response = await factory.CreateClient().PostRawAsync("/api/agreements/verify", pdf, Pdf);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
