using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Api.Programme;
using StrongChain.Docs.Api.Uploads;
using StrongChain.Docs.Documents.ContentControls;

namespace StrongChain.Docs.Api.Forms;

[ApiController]
[AllowAnonymous]
[Route("api/forms")]
public sealed class FormsController(UploadReader uploads) : ControllerBase
{
    /// <summary>The field catalogue of the application form (with the demand's locked facts and limits when one is named).</summary>
    [HttpGet("application/catalogue")]
    public async Task<CatalogueResponse> Catalogue([FromServices] IProgrammeCatalogue catalogue, [FromQuery] string? demandId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(demandId))
        {
            return CatalogueResponse.From(null, null);
        }

        var demand = await catalogue.FindDemandAsync(demandId, ct)
            ?? throw ApiProblemException.UnknownDemand(demandId);
        return CatalogueResponse.From(await catalogue.FindRoundAsync(demand.RoundId, ct), demand);
    }

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
