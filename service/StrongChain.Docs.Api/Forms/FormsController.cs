using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Documents.ContentControls;

namespace StrongChain.Docs.Api.Forms;

[ApiController]
[AllowAnonymous]
[Route("api/forms")]
public sealed class FormsController(UploadReader uploads) : ControllerBase
{
    /// <summary>Every content control of any .docx, in document order.</summary>
    [HttpPost("fields")]
    [RequestSizeLimit(UploadReader.MaxRequestBytes)]
    [Consumes("multipart/form-data", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream")]
    public async Task<ActionResult<FieldsResponse>> Fields(CancellationToken cancellationToken)
    {
        var bytes = await uploads.ReadAsync(Request, cancellationToken);
        return new FieldsResponse(ContentControlReader.Read(bytes));
    }
}

public sealed record FieldsResponse(IReadOnlyList<ContentControlInfo> Fields);
