using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Review;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Review;

/// <summary>Scores and the rounds' scoring criteria (issue 15).</summary>
public interface IScoreStore
{
    /// <summary>The round's criteria, or <see cref="ScoringCriteria.Default"/> when staff have set none.</summary>
    Task<IReadOnlyList<ScoringCriterion>> CriteriaAsync(string roundId, CancellationToken ct);

    Task SetCriteriaAsync(string roundId, IReadOnlyList<ScoringCriterion> criteria, Actor actor, CancellationToken ct);

    /// <summary>Replaces every score of one expert for one demand, with its audit entry, in one transaction.</summary>
    Task ReplaceAsync(string demandId, string expertId, IReadOnlyList<Score> scores, Actor actor, CancellationToken ct);

    Task<IReadOnlyList<ExpertScores>> ScoresAsync(IReadOnlyCollection<string> demandIds, CancellationToken ct);
}

public sealed class ScoreStore(DocsDbContext db, WriteGate gate, TimeProvider time) : IScoreStore
{
    public async Task<IReadOnlyList<ScoringCriterion>> CriteriaAsync(string roundId, CancellationToken ct) =>
        await db.ScoringSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == roundId, ct) is { } row
            ? JsonSerializer.Deserialize<ScoringCriterion[]>(row.CriteriaJson, StorageJson.Options) ?? [.. ScoringCriteria.Default]
            : ScoringCriteria.Default;

    public async Task SetCriteriaAsync(string roundId, IReadOnlyList<ScoringCriterion> criteria, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().ToUniversalTime();
        var json = JsonSerializer.Serialize(criteria, StorageJson.Options);
        if (await db.ScoringSettings.FirstOrDefaultAsync(s => s.RoundId == roundId, ct) is { } row)
        {
            (row.CriteriaJson, row.UpdatedAt, row.UpdatedBy) = (json, now, actor.Id);
        }
        else
        {
            db.ScoringSettings.Add(new StoredScoringSettings { RoundId = roundId, CriteriaJson = json, UpdatedAt = now, UpdatedBy = actor.Id });
        }

        db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "round.scoring-criteria", "round", roundId, criteria));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task ReplaceAsync(string demandId, string expertId, IReadOnlyList<Score> scores, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(actor);
        using var turn = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow().ToUniversalTime();
        await db.Scores.Where(s => s.DemandId == demandId && s.ExpertId == expertId).ExecuteDeleteAsync(ct);
        db.Scores.AddRange(scores.Select(s => new StoredScore
        {
            DemandId = demandId, ExpertId = expertId, ApplicationId = s.ApplicationId, CriterionKey = s.CriterionKey, Value = s.Value,
            UploadedAt = now, UploadedBy = actor.Id,
        }));
        db.AuditEntries.Add(Audit.Audit.Entry(now, actor, "scores.upload", "demand", demandId,
            new { expertId, applications = scores.Select(s => s.ApplicationId).Distinct().Count(), scores = scores.Count }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<ExpertScores>> ScoresAsync(IReadOnlyCollection<string> demandIds, CancellationToken ct)
    {
        var ids = demandIds.ToList();
        var rows = await db.Scores.AsNoTracking().Where(s => ids.Contains(s.DemandId))
            .Select(s => new { s.ExpertId, s.ApplicationId, s.CriterionKey, s.Value }).ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.ExpertId, r.ApplicationId))
            .Select(g => new ExpertScores(g.Key.ExpertId, g.Key.ApplicationId, g.ToDictionary(r => r.CriterionKey, r => r.Value, StringComparer.Ordinal)))];
    }
}
