using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Review;

/// <summary>
/// Decisions (issue 15): staff decide from the ranking, the decision letter (.docx) is fixed with the decision, attached to the
/// decision mail (.eml, read back with MimeKit) and downloadable by staff and the applicant itself; the decision is audited.
/// </summary>
public sealed class DecisionLetterTests : IDisposable
{
    private const string Demand = SampleProgramme.DemandId;
    private const string ExpertId = "expert-letter";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly string FirstCode = Submissions.CreditCode(700);
    private static readonly string SecondCode = Submissions.CreditCode(701);
    private readonly OutboxServiceFactory _factory = new();

    [Fact]
    public async Task Selected_letter_names_rank_and_total_goes_with_the_decision_mail_and_reads_the_same_for_staff_and_the_applicant()
    {
        var (first, _) = await SeedScoredAsync();
        using var staff = await _factory.StaffAsync();
        using var applicant = await _factory.ApplicantAsync(FirstCode);
        Assert.Equal("no-decision-letter", (await (await applicant.GetAsync($"/api/applications/{first}/decision-letter.docx")).JsonAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/applications/{first}/decision", new { decision = "selected" })).StatusCode);
        Assert.Equal(1, await _factory.RunOutboxAsync());

        var mail = DecisionMails().Single();
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("评审结果通知书-QL2020-BM-02-0001.docx", attachment.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment.ContentType.MimeType);
        Assert.Contains("评审结果通知书见附件", mail.TextBody, StringComparison.Ordinal);
        var mailed = Content(attachment);
        var byStaff = await staff.GetByteArrayAsync($"/api/applications/{first}/decision-letter.docx");
        var byApplicant = await applicant.GetByteArrayAsync($"/api/applications/{first}/decision-letter.docx");
        Assert.Equal(mailed, byStaff);
        Assert.Equal(mailed, byApplicant);

        var text = ValidText(mailed);
        Assert.Contains("揭榜挂帅评审结果通知书", text, StringComparison.Ordinal);
        Assert.Contains("示例揭榜一号公司：", text, StringComparison.Ordinal);
        Assert.Contains($"{Demand} {SampleProgramme.DemandTitle}", text, StringComparison.Ordinal);
        Assert.Contains(SampleProgramme.DemandIssuer, text, StringComparison.Ordinal);
        Assert.Contains("评审结果为：入选", text, StringComparison.Ordinal);
        Assert.Contains("第1名（共2项参与排序）", text, StringComparison.Ordinal);
        Assert.Contains("加权总分90.00", text, StringComparison.Ordinal);
        Assert.Contains("签署合作研发协议", text, StringComparison.Ordinal);
        Assert.Contains(DecisionLetterContent.Committee, text, StringComparison.Ordinal);
        // 10:00 in Beijing on 15 January 2021 (the test clock): the round's zone, not UTC.
        Assert.EndsWith("2021年1月15日", text, StringComparison.Ordinal);

        var trail = (await (await staff.GetAsync($"/api/audit?entityId={first}&limit=500")).JsonAsync()).EnumerateArray().ToList();
        var decision = Assert.Single(trail, e => e.GetProperty("action").GetString() == "application.decision");
        Assert.Equal("staff", decision.GetProperty("role").GetString());
        Assert.Contains("\"rank\":1", decision.GetProperty("detailJson").GetString(), StringComparison.Ordinal);
        Assert.Contains(trail, e => e.GetProperty("action").GetString() == "application.decision-letter" && e.GetProperty("role").GetString() == "applicant");
    }

    [Fact]
    public async Task Not_selected_letter_without_scores_has_no_rank_and_others_cannot_read_it()
    {
        var first = await ReviewRoles.SubmitAsync(_factory, Demand, FirstCode, "示例揭榜一号公司");
        await _factory.RunOutboxAsync();
        using var staff = await _factory.StaffAsync();

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/applications/{first}/decision", new { decision = "not-selected" })).StatusCode);
        await _factory.RunOutboxAsync();

        var letter = Content(Assert.IsType<MimePart>(Assert.Single(DecisionMails().Single().Attachments)));
        var text = ValidText(letter);
        Assert.Contains("评审结果为：未入选", text, StringComparison.Ordinal);
        Assert.DoesNotContain("专家评审排名", text, StringComparison.Ordinal);
        Assert.DoesNotContain("合作研发协议", text, StringComparison.Ordinal);

        using var other = await _factory.ApplicantAsync(SecondCode);
        using var issuer = await _factory.IssuerAsync(Submissions.CreditCode(300));
        using var expert = await _factory.ExpertAsync(ExpertId);
        var refused = await other.GetAsync($"/api/applications/{first}/decision-letter.docx");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("示例揭榜一号公司", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await issuer.GetAsync($"/api/applications/{first}/decision-letter.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync($"/api/applications/{first}/decision-letter.docx")).StatusCode);

        // A resubmission sets the status back to submitted: the letter of the earlier decision is no longer served.
        await ReviewRoles.SubmitAsync(_factory, Demand, FirstCode, "示例揭榜一号公司");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/applications/{first}/decision-letter.docx")).StatusCode);
    }

    /// <summary>Two applications to the demand, scored by one expert: the first 90 on every criterion, the second 70.</summary>
    private async Task<(string First, string Second)> SeedScoredAsync()
    {
        using var staff = await _factory.StaffAsync();
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/demands/{Demand}/panel",
            new { expertId = ExpertId, name = "钱专家", organisation = "示例评审大学", organisationCreditCode = Submissions.CreditCode(902) })).StatusCode);
        var first = await ReviewRoles.SubmitAsync(_factory, Demand, FirstCode, "示例揭榜一号公司");
        var second = await ReviewRoles.SubmitAsync(_factory, Demand, SecondCode, "示例揭榜二号公司");
        using var expert = await _factory.ExpertAsync(ExpertId);
        var workbook = await expert.GetByteArrayAsync($"/api/demands/{Demand}/scoring/workbook");
        var filled = ScoreSheets.Fill(workbook, (_, set) =>
        {
            foreach (var (row, receipt) in ScoreSheets.Receipts(workbook))
            {
                for (var c = 0; c < ScoringCriteria.Default.Count; c++)
                {
                    set($"{(char)('C' + c)}{row}", receipt.EndsWith("-0001", StringComparison.Ordinal) ? 90m : 70m);
                }
            }
        });
        var uploaded = await expert.PostRawAsync($"/api/demands/{Demand}/scoring", filled, Xlsx);
        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        await _factory.RunOutboxAsync();
        return (first, second);
    }

    private List<MimeMessage> DecisionMails() =>
        [.. Directory.GetFiles(Path.Combine(_factory.Database.Directory, "outbox"), "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.Subject?.StartsWith("揭榜评审结果", StringComparison.Ordinal) == true)];

    private static byte[] Content(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The letter's text, after checking it is valid Open XML.</summary>
    private static string ValidText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));
        return string.Concat(document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    public void Dispose() => _factory.Dispose();
}
