using System.Security.Cryptography.X509Certificates;

namespace StrongChain.Docs.Signing.Tests;

/// <summary>One rendered PDF and one platform certificate for the whole class (rendering takes seconds).</summary>
public sealed class SignedPdfFixture : IAsyncLifetime
{
    public static readonly SignatureStamp Stamp = new(
        "AG-QL2020-BM-02-0001-v1", "3f0c1e2d4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", new DateTimeOffset(2026, 12, 1, 9, 30, 15, TimeSpan.FromHours(8)));

    public X509Certificate2 Platform { get; } = SigningCertificate.CreateDevelopment(DateTimeOffset.UtcNow);

    public byte[] Unsigned { get; private set; } = [];

    public byte[] Signed { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Unsigned = await PdfTools.RenderAsync("合作研发协议\n甲方：北京天智航医疗科技股份有限公司\n乙方：示例揭榜单位\n第一条 合作内容\n");
        Signed = await new PadesSigner(Platform, null, "Beijing").SignAsync(Unsigned, Stamp, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Platform.Dispose();
        return Task.CompletedTask;
    }
}
