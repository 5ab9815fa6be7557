using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using StrongChain.Docs.Api.Outbox;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Microsoft365;

namespace StrongChain.Docs.Api.Tests.Outbox;

/// <summary>The Graph target on its own against the stand-in: simple uploads below 4 MiB, upload sessions from 4 MiB on.</summary>
public sealed class GraphDeliveryTargetTests : IAsyncLifetime
{
    private GraphStandIn _graph = null!;
    private GraphDeliveryTarget _target = null!;

    public async Task InitializeAsync()
    {
        _graph = await GraphStandIn.StartAsync();
        _target = new GraphDeliveryTarget(Options(_graph.Settings(timeoutSeconds: 20)), _graph.Transport);
    }

    public async Task DisposeAsync()
    {
        _target.Dispose();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_file_just_under_4_MiB_is_one_PUT_to_its_path()
    {
        var bytes = Bytes(GraphOptions.SimpleUploadLimit - 1, seed: 1);

        await _target.UploadAsync(DeliveryLibrary.Archive, "2020-01/x/just-under.bin", bytes, CancellationToken.None);

        Assert.Equal(bytes, _graph.File(GraphStandIn.ArchiveDrive, "申报材料/2020-01/x/just-under.bin"));
        Assert.Empty(_graph.Slices);
        Assert.Single(_graph.Log, l => l.Request.EndsWith(":/content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_of_9_MiB_goes_through_an_upload_session_in_320_KiB_multiples()
    {
        var bytes = Bytes((9 * 1024 * 1024) + 12345, seed: 2);

        await _target.UploadAsync(DeliveryLibrary.Archive, "2020-01/x/large.docx", bytes, CancellationToken.None);

        Assert.Equal(bytes, _graph.File(GraphStandIn.ArchiveDrive, "申报材料/2020-01/x/large.docx"));
        var slices = _graph.Slices.ToList();
        Assert.Equal([0L, 3_276_800L, 6_553_600L], slices.Select(s => s.Start));
        Assert.Equal([3_276_800L, 3_276_800L, bytes.Length - 6_553_600L], slices.Select(s => s.Length));
        Assert.All(slices, s => Assert.Equal(bytes.Length, s.Total));
        Assert.Contains(_graph.Log, l => l.Request.EndsWith("large.docx:/createUploadSession", StringComparison.Ordinal) && l.Status == 200);
        Assert.DoesNotContain(_graph.Log, l => l.Request.EndsWith(":/content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_whose_slice_fails_twice_ends_the_attempt_and_the_next_attempt_replaces_the_file_whole()
    {
        var first = Bytes(5 * 1024 * 1024, seed: 3);
        await _target.UploadAsync(DeliveryLibrary.Archive, "r/d/o/f.docx", first, CancellationToken.None);
        var second = Bytes(5 * 1024 * 1024, seed: 4);
        // The SDK's upload task repeats a failed slice once by itself: two failures in a row end the attempt.
        _graph.Fail(2, FaultKind.Unavailable, r => r.StartsWith("PUT /upload/", StringComparison.Ordinal), retryAfterSeconds: 7);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() =>
            _target.UploadAsync(DeliveryLibrary.Archive, "r/d/o/f.docx", second, CancellationToken.None));
        // The SDK's upload task keeps no response headers of a failed slice: the outbox's own backoff applies there.
        Assert.Null(failure.RetryAfter);
        Assert.Equal(first, _graph.File(GraphStandIn.ArchiveDrive, "申报材料/r/d/o/f.docx"));

        await _target.UploadAsync(DeliveryLibrary.Archive, "r/d/o/f.docx", second, CancellationToken.None);
        Assert.Equal(second, _graph.File(GraphStandIn.ArchiveDrive, "申报材料/r/d/o/f.docx"));
        Assert.Single(_graph.Files);
    }

    [Fact]
    public async Task Mail_whose_earlier_attempt_got_through_is_not_sent_again()
    {
        var mail = new OutgoingMail("a@example.com", "回执 QL-1", "正文", ReceiptMail.MessageId("0123456789abcdef0123456789abcdef"));

        await _target.SendMailAsync(mail, mayHaveBeenSent: false, CancellationToken.None);
        await _target.SendMailAsync(mail, mayHaveBeenSent: true, CancellationToken.None);
        await _target.SendMailAsync(mail with { MessageId = ReceiptMail.MessageId("another") }, mayHaveBeenSent: true, CancellationToken.None);

        Assert.Equal(2, _graph.SentMail.Count);
    }

    [Fact]
    public async Task An_attachment_over_Graphs_3_MB_inline_limit_is_refused_before_anything_is_sent()
    {
        var big = new MailAttachment("big.docx", "application/octet-stream", new byte[MailAttachment.InlineLimit + 1]);
        var mail = new OutgoingMail("a@example.com", "附件过大", "正文", ReceiptMail.MessageId("0123456789abcdef0123456789abcdee"), [big]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _target.SendMailAsync(mail, mayHaveBeenSent: false, CancellationToken.None));
        await _target.SendMailAsync(mail with { Attachments = [big with { Bytes = new byte[MailAttachment.InlineLimit] }] }, mayHaveBeenSent: false, CancellationToken.None);

        var sent = Assert.Single(_graph.SentMail);
        Assert.Equal(MailAttachment.InlineLimit, Convert.FromBase64String(sent["attachments"]![0]!["contentBytes"]!.GetValue<string>()).Length);
    }

    [Fact]
    public void Graph_on_with_settings_missing_says_each_missing_key()
    {
        var options = new GraphOptions { Enabled = true, ClientSecret = "s" };

        var e = Assert.Throws<InvalidOperationException>(() => new GraphDeliveryTarget(options, new GraphTransport()));

        Assert.Contains("Graph:TenantId", e.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:ClientId", e.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:Mailbox", e.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:Archive:DriveId or Graph:Archive:SiteId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_credential_signs_a_client_assertion_the_token_endpoint_verifies()
    {
        using var registered = Certificate("CN=StrongChain.Docs app");
        _graph.ClientCertificate = X509CertificateLoader.LoadCertificate(registered.Export(X509ContentType.Cert));
        var pfx = Path.Combine(Path.GetTempPath(), $"graph-cert-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, registered.Export(X509ContentType.Pkcs12, "pfx-password"));
        try
        {
            var settings = new Dictionary<string, string?>(_graph.Settings()) { ["Graph:ClientSecret"] = null, ["Graph:Credential"] = "Certificate",
                ["Graph:CertificatePath"] = pfx, ["Graph:CertificatePassword"] = "pfx-password" };
            using var target = new GraphDeliveryTarget(Options(settings), _graph.Transport);

            await target.UploadAsync(DeliveryLibrary.Publishing, "2020-01/b.docx", [1, 2, 3], CancellationToken.None);

            Assert.Equal([1, 2, 3], _graph.File(GraphStandIn.PublishingDrive, "2020-01/b.docx"));
            Assert.Equal(1, _graph.TokensIssued);

            using var other = Certificate("CN=Someone else");
            await File.WriteAllBytesAsync(pfx, other.Export(X509ContentType.Pkcs12, "pfx-password"));
            using var impostor = new GraphDeliveryTarget(Options(settings), _graph.Transport);
            var refused = await Assert.ThrowsAsync<DeliveryException>(() =>
                impostor.UploadAsync(DeliveryLibrary.Publishing, "2020-01/c.docx", [4], CancellationToken.None));
            Assert.Contains("AADSTS700027", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static X509Certificate2 Certificate(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static GraphOptions Options(IReadOnlyDictionary<string, string?> settings) =>
        OutboxSetup.GraphSettings(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
