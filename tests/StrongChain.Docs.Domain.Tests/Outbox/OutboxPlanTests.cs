using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Domain.Tests.Outbox;

public sealed class OutboxPlanTests
{
    [Fact]
    public void A_submission_archives_form_and_check_report_and_mails_the_contact()
    {
        var work = OutboxPlan.ForSubmission("app1", 2, "2020-01", "QL2020-BM-02", "91110108MA01C8QX20", "QL2020-BM-02-0003", " apply@example.com ");

        Assert.Equal(
        [
            new OutboxWork(OutboxKinds.ArchiveForm, "app1", 2, "2020-01/QL2020-BM-02/91110108MA01C8QX20/QL2020-BM-02-0003-v2.docx"),
            new OutboxWork(OutboxKinds.ArchiveCheck, "app1", 2, "2020-01/QL2020-BM-02/91110108MA01C8QX20/QL2020-BM-02-0003-v2-check.json"),
            new OutboxWork(OutboxKinds.MailReceipt, "app1", 2, "apply@example.com"),
        ], work);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("张三 <a@example.com>")]
    [InlineData("a@example.com, b@example.com")]
    public void Without_one_usable_address_there_is_no_mail(string? contact)
    {
        var work = OutboxPlan.ForSubmission("app1", 1, "r", "d", "c", "d-0001", contact);

        Assert.DoesNotContain(work, w => w.Kind == OutboxKinds.MailReceipt);
        Assert.Equal(2, work.Count);
    }

    [Fact]
    public void A_bulletin_publishes_its_docx_and_pdf()
    {
        Assert.Equal(["2020-01/bulletin-2020-01-b1.docx", "2020-01/bulletin-2020-01-b1.pdf"], OutboxPlan.ForBulletin("b1", "2020-01").Select(w => w.Target));
    }

    [Theory]
    [InlineData("QL2020-BM-02", "QL2020-BM-02")]
    [InlineData("a/b\\c:d*e?f\"g<h>i|j#k%l", "a_b_c_d_e_f_g_h_i_j_k_l")]
    [InlineData("..", "_")]
    [InlineData("name.", "name")]
    [InlineData("  ", "_")]
    [InlineData("北京示例", "北京示例")]
    public void Path_segments_hold_no_character_SharePoint_or_a_file_system_refuses(string value, string segment)
    {
        Assert.Equal(segment, DeliveryPaths.Segment(value));
    }

    [Fact]
    public void Receipt_mail_states_receipt_number_hash_size_and_time()
    {
        var facts = new ReceiptFacts("QL2020-BM-02-0001", 1, new string('a', 64), 123456, DateTimeOffset.Parse("2021-01-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
            "QL2020-BM-02", "多自由度力控医用机械臂", "2020-01", "示例智能医疗科技有限公司");

        var mail = ReceiptMail.Compose("a@example.com", ReceiptMail.MessageId("item1"), facts);

        Assert.Equal("揭榜申报受理回执 QL2020-BM-02-0001", mail.Subject);
        Assert.Equal("<item1@strongchain.docs>", mail.MessageId);
        Assert.Contains("SHA-256：" + new string('a', 64), mail.Body, StringComparison.Ordinal);
        Assert.Contains("文件大小：123,456 字节", mail.Body, StringComparison.Ordinal);
        Assert.Contains("提交时间：2021-01-15 10:00:00 +08:00", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", mail.Body, StringComparison.Ordinal);
    }
}
