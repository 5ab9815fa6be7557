using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using StrongChain.Docs.Api.Tests.Support;

namespace StrongChain.Docs.Api.Tests.Bulletins;

/// <summary>A service whose LibreOffice is missing still runs: bulletins as Word, the PDF route 503 with the install line.</summary>
public sealed class WithoutLibreOfficeTests(WithoutLibreOfficeTests.NoLibreOfficeFactory factory) : IClassFixture<WithoutLibreOfficeTests.NoLibreOfficeFactory>
{
    [Fact]
    public async Task Pdf_route_answers_503_pdf_renderer_unavailable_with_the_install_line()
    {
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);

        using var staff = await factory.StaffAsync();
        var created = await staff.PostAsJsonAsync("/api/bulletins", new { roundId = "2020-01" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/bulletins/{id}.docx")).StatusCode);
        var pdf = await anonymous.GetAsync($"/api/bulletins/{id}.pdf");
        await BulletinsTests.AssertProblem(pdf, HttpStatusCode.ServiceUnavailable, "pdf-renderer-unavailable");
        var problem = await pdf.JsonAsync();
        Assert.Contains("apt-get install libreoffice-writer-nogui fonts-noto-cjk", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("apt-get install libreoffice-writer-nogui fonts-noto-cjk", problem.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The usual test service with <c>Rendering:Soffice</c> pointing nowhere.</summary>
    public sealed class NoLibreOfficeFactory : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Rendering:Soffice", "/nonexistent/libreoffice/soffice");
        }
    }
}
