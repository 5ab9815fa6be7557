using System.Text.Json;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Audit;

/// <summary>Builds audit entries; callers add them to the same unit of work as the change.</summary>
public static class Audit
{
    public static AuditEntry Entry(DateTimeOffset at, Actor actor, string action, string entity, string entityId, object? detail = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditEntry
        {
            At = at.ToUniversalTime(),
            Actor = actor.Id,
            Role = actor.Role,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            DetailJson = detail is null ? null : JsonSerializer.Serialize(detail, StorageJson.Options),
        };
    }
}
