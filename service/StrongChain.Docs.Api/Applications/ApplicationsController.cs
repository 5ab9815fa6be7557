using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Uploads;

namespace StrongChain.Docs.Api.Applications;

[ApiController]
[Route("api/applications")]
public sealed class ApplicationsController(UploadReader uploads, ApplicationChecker checker) : ControllerBase
{
    /// <summary>Checks a filled form: 200 with record and findings even when the form has errors.</summary>
    [HttpPost("check")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    [Consumes("multipart/form-data", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream")]
    public async Task<ActionResult<CheckResponse>> Check(CancellationToken cancellationToken)
    {
        var bytes = await uploads.ReadAsync(Request, cancellationToken);
        return CheckResponse.From(await checker.CheckAsync(bytes, cancellationToken));
    }
}
