using System.Text;
using MimeKit;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Microsoft365;

namespace StrongChain.Docs.Api.Tests.Outbox;

/// <summary>The local outbox's .eml files read back as a mail client reads them (MimeKit).</summary>
public sealed class EmlWriterTests
{
    [Fact]
    public void A_long_Chinese_subject_is_folded_into_encoded_words_and_reads_back_whole()
    {
        var subject = "揭榜申报受理回执 QL2020-BM-02-0001 " + string.Concat(Enumerable.Repeat("多自由度力控医用机械臂", 6)) + " 😀";
        var body = "第一行\n第二行 SHA-256：" + new string('f', 64) + "\n" + new string('长', 300);
        var eml = EmlWriter.Write(new OutgoingMail("a@example.com", subject, body, "<x1@strongchain.docs>"), "noreply@committee.example",
            DateTimeOffset.Parse("2021-01-15T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

        var text = Encoding.ASCII.GetString(eml);
        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 78, $"Line of {line.Length}: {line}"));
        Assert.DoesNotContain(eml, b => b > 127);
        using var message = MimeMessage.Load(new MemoryStream(eml));
        Assert.Equal(subject, message.Subject);
        Assert.Equal(body, message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        Assert.Equal("x1@strongchain.docs", message.MessageId);
        Assert.Equal("noreply@committee.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(DateTimeOffset.Parse("2021-01-15T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture), message.Date);
    }

    [Fact]
    public void Attachments_make_a_multipart_message_whose_files_and_Chinese_names_read_back_whole()
    {
        var letter = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var attachment = new MailAttachment("评审结果通知书-QL2020-BM-02-0001.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter);
        var mail = new OutgoingMail("a@example.com", "揭榜评审结果 QL2020-BM-02-0001：入选", "正文\n第二行", "<x2@strongchain.docs>", [attachment]);

        var eml = EmlWriter.Write(mail, "noreply@committee.example", DateTimeOffset.UnixEpoch);

        Assert.Equal(eml, EmlWriter.Write(mail, "noreply@committee.example", DateTimeOffset.UnixEpoch));
        // Every line within 78 characters but the one naming the .docx type, which cannot be folded (RFC 5322's hard limit is 998).
        Assert.All(Encoding.ASCII.GetString(eml).Split("\r\n"), line => Assert.True(line.Length <= 78
            || (line.StartsWith("Content-Type: " + attachment.ContentType + ";", StringComparison.Ordinal) && line.Length <= 998), $"Line of {line.Length}: {line}"));
        using var message = MimeMessage.Load(new MemoryStream(eml));
        Assert.Equal("正文\n第二行", message.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        var part = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(attachment.Name, part.FileName);
        Assert.Equal(attachment.Name, part.ContentType.Name);
        Assert.Equal(attachment.ContentType, part.ContentType.MimeType);
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        Assert.Equal(letter, bytes.ToArray());
    }
}
