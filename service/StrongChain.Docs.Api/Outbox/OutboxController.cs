using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using StrongChain.Docs.Api.Identity;
using StrongChain.Docs.Api.Problems;
using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Microsoft365;
using StrongChain.Docs.Storage.Outbox;

namespace StrongChain.Docs.Api.Outbox;

/// <summary>Delivery status for staff: counts per status and the latest items (what is waiting, what failed and why).</summary>
[ApiController]
[Route("api/outbox")]
public sealed class OutboxController(IOutboxStore outbox, IDeliveryTarget target) : ControllerBase
{
    [HttpGet]
    [Authorize(Policies.Staff)]
    public async Task<OutboxResponse> Get([FromQuery] string? status, [FromQuery] int? limit, CancellationToken ct)
    {
        if (status is not null && status is not (OutboxStatus.Pending or OutboxStatus.Done or OutboxStatus.Failed))
        {
            throw ApiProblemException.BadRequest("unknown-status", "状态只能是 pending、done 或 failed。", "Status is pending, done or failed.");
        }

        var overview = await outbox.OverviewAsync(status, Math.Clamp(limit ?? 100, 1, 1000), ct);
        return new OutboxResponse(target.Name, overview.Pending, overview.Done, overview.Failed, overview.Items);
    }
}

/// <summary>The answer of <c>GET /api/outbox</c>.</summary>
public sealed record OutboxResponse(string Target, int Pending, int Done, int Failed, IReadOnlyList<OutboxItemInfo> Items);
