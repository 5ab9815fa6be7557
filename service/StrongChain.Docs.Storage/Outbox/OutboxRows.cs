using StrongChain.Docs.Domain.Outbox;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Outbox;

/// <summary>Turns planned work into rows; stores add them to the unit of work of the change itself.</summary>
public static class OutboxRows
{
    public static IEnumerable<StoredOutboxItem> From(IEnumerable<OutboxWork> work, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        var ms = now.ToUnixTimeMilliseconds();
        return work.Select(w => new StoredOutboxItem
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = w.Kind,
            EntityId = w.EntityId,
            Version = w.Version,
            Target = w.Target,
            Status = OutboxStatus.Pending,
            CreatedAt = ms,
            DueAt = ms,
        }).ToList();
    }
}
