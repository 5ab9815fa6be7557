using System.Net;
using StrongChain.Docs.Api.Tests.Support;
using StrongChain.Docs.Testing;

namespace StrongChain.Docs.Api.Tests.Reports;

/// <summary>Graph off (the default): the countersigned agreement and each report version land in the local archive through the outbox.</summary>
public sealed class ProgressReportArchiveTests : IDisposable
{
    private readonly OutboxServiceFactory _factory = new();

    [Fact]
    public async Task Countersigned_agreement_and_every_report_version_are_archived_byte_for_byte_beside_the_consortium()
    {
        var (id, code) = await _factory.FormedConsortiumAsync(701);
        using var lead = await _factory.ApplicantAsync(code);
        using var filler = SampleReports.Filled(await lead.GetByteArrayAsync($"/api/consortia/{id}/milestones/1/report-form"));
        var report = filler.ToBytes();
        Assert.Equal(HttpStatusCode.Created, (await lead.PostRawAsync($"/api/consortia/{id}/milestones/1/reports", report)).StatusCode);

        while (await _factory.RunOutboxAsync() > 0)
        {
        }

        var folder = Path.Combine(_factory.Database.Directory, "archive", SampleProgramme.RoundId, SampleProgramme.DemandId, id);
        var signed = Assert.Single(Directory.GetFiles(folder, "*-countersigned.pdf"));
        Assert.Equal(BadUploads.PdfFile, await File.ReadAllBytesAsync(signed));
        Assert.Equal(report, await File.ReadAllBytesAsync(Path.Combine(folder, "M1", $"{id}-R001-v1.docx")));
    }

    public void Dispose() => _factory.Dispose();
}
