using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Domain.Access;
using StrongChain.Docs.Domain.Consortia;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage;
using StrongChain.Docs.Storage.Entities;
using StrongChain.Docs.Storage.Programme;

namespace StrongChain.Docs.Testing;

/// <summary>
/// A whole round written straight into the store, for the dashboard's tests and benchmark: demands (every tenth not yet
/// approved), applications with one or two versions (the latest decides eligibility), decisions, agreements for most selected
/// ones and consortia for most agreements, with milestones before and after <c>around</c>. Seeded: the same numbers give the same rows.
/// </summary>
public static class RoundSeeder
{
    private static readonly Actor Seeder = new("seeder", Actor.StaffRole, null);

    /// <summary>A stand-in for the stored form: 4 KiB, more than a SQLite page, so a query that reads the rows pays as it would for real forms.</summary>
    private static readonly byte[] DocumentBytes = new byte[4096];

    public static async Task SeedAsync(IServiceProvider services, Round round, int demands, int applications, int seed, DateOnly around, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(round);
        var random = new Random(seed);
        // Progress reports draw from their own sequence, so the rest of the seed is what it was before reports existed.
        var reports = new Random(seed + 1);
        using (var scope = services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDemandStore>();
            await store.EnsureRoundAsync(round, false, Seeder, ct);
            var list = Enumerable.Range(0, demands).Select(i => new Demand(
                DemandId(round, i), round.Id, round.Sectors[i % round.Sectors.Count], null, $"技术需求{i + 1}", $"发榜企业{i % 37}", null, null, null, null, 24,
                null, null, null, null, i % 10 == 9 ? Demand.Pending : Demand.Approved)).ToList();
            await store.UpsertRoundDemandsAsync(round.Id, list, Seeder, ct);
        }

        using var writeScope = services.CreateScope();
        var db = writeScope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var at = new DateTimeOffset(2021, 1, 15, 2, 0, 0, TimeSpan.Zero);
        for (var j = 0; j < applications; j++)
        {
            var id = $"{round.Id}-A{j:D6}";
            var demandId = DemandId(round, random.Next(demands));
            var versions = random.Next(10) < 3 ? 2 : 1;
            var status = random.Next(10) switch { < 2 => "selected", < 4 => "not-selected", _ => "submitted" };
            db.Applications.Add(new StoredApplication
            {
                Id = id, DemandId = demandId, RoundId = round.Id, CreditCode = $"ORG{j:D6}", OrganisationName = $"揭榜单位{j}", LatestVersion = versions,
                Status = status, CreatedAt = at, UpdatedAt = at,
            });
            for (var v = 1; v <= versions; v++)
            {
                var eligible = random.Next(10) < 6;
                db.ApplicationVersions.Add(new StoredApplicationVersion
                {
                    ApplicationId = id, Version = v, ReceiptNo = $"{id}-{v}", Sha256 = new string('0', 64), Size = DocumentBytes.Length, Bytes = DocumentBytes, SubmittedAt = at,
                    SubmittedBy = "seeder", RecordJson = "{}", FindingsJson = "[]", Complete = eligible || random.Next(2) == 0, Eligible = eligible,
                });
            }

            if (status != "selected" || random.Next(10) < 2)
            {
                continue;
            }

            var agreementId = "XY-" + id;
            db.Agreements.Add(new StoredAgreement
            {
                Id = agreementId, ApplicationId = id, RoundId = round.Id, DemandId = demandId, CreditCode = $"ORG{j:D6}", OrganisationName = $"揭榜单位{j}",
                LatestVersion = 1, CreatedAt = at,
            });
            db.AgreementVersions.Add(new StoredAgreementVersion
            {
                AgreementId = agreementId, Version = 1, ApplicationVersion = versions, CreatedAt = at, CreatedBy = "seeder", PartyCount = 2,
                DocxSha256 = new string('0', 64), Docx = [0],
            });
            if (random.Next(10) < 3)
            {
                continue;
            }

            var joint = random.Next(100, 2000);
            var milestones = Enumerable.Range(1, random.Next(1, 4))
                .Select(n => new ConsortiumMilestone(n, $"节点{n}", around.AddDays(random.Next(-400, 400)), null)).ToList();
            db.Consortia.Add(new StoredConsortium
            {
                Id = ConsortiumComposer.IdFor(agreementId), AgreementId = agreementId, AgreementVersion = 1, ApplicationId = id, ApplicationVersion = versions,
                RoundId = round.Id, DemandId = demandId, DemandTitle = "", Sector = "", LeadCreditCode = $"ORG{j:D6}", LeadName = $"揭榜单位{j}",
                AgreedBudget = joint * 1.2m, IssuerFunds = joint * 0.6m, ApplicantFunds = joint * 0.4m, JointInvestment = joint, SupportRatio = round.SupportRatio,
                RequestedSupport = joint * 0.2m, SupportAmount = FundingSupport.Amount(round.SupportRatio, joint, joint * 0.2m),
                StartDate = around.AddDays(-500), EndDate = around.AddDays(500), PartiesJson = "[]",
                MilestonesJson = JsonSerializer.Serialize(milestones, StorageJson.Options), BudgetItemsJson = "[]",
                SignedFileName = "signed.pdf", SignedContentType = "application/pdf", SignedSize = 1, SignedSha256 = new string('0', 64), SignedFile = [0],
                SignedAt = at, SignedBy = "seeder",
            });
            AddReports(db, reports, round.Id, ConsortiumComposer.IdFor(agreementId), milestones, at);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// About half the milestones get progress reports (one or two versions): the latest says achieved a few weeks before or after
    /// the due date, or not achieved yet; an earlier version may say otherwise, so only the latest may count.
    /// </summary>
    private static void AddReports(DocsDbContext db, Random random, string roundId, string consortiumId, IReadOnlyList<ConsortiumMilestone> milestones, DateTimeOffset at)
    {
        foreach (var milestone in milestones.Where(_ => random.Next(2) == 0))
        {
            var id = $"{consortiumId}-M{milestone.Number}";
            var versions = random.Next(3) == 0 ? 2 : 1;
            DateOnly? latest = null;
            for (var v = 1; v <= versions; v++)
            {
                var achieved = random.Next(3) > 0;
                DateOnly? on = achieved ? milestone.Due!.Value.AddDays(random.Next(-40, 40)) : null;
                latest = on;
                db.ProgressReportVersions.Add(new StoredProgressReportVersion
                {
                    ReportId = id, Version = v, ReceiptNo = $"{id}-R{v}", Sha256 = new string('0', 64), Size = 1, Bytes = [0], SubmittedAt = at, SubmittedBy = "seeder",
                    Status = achieved ? "achieved" : "partlyAchieved", AchievedOn = on, RecordJson = "{}", FindingsJson = "[]",
                });
            }

            db.ProgressReports.Add(new StoredProgressReport
            {
                Id = id, ConsortiumId = consortiumId, MilestoneNumber = milestone.Number, RoundId = roundId, LatestVersion = versions, AchievedOn = latest, UpdatedAt = at,
            });
        }
    }

    public static string DemandId(Round round, int i)
    {
        ArgumentNullException.ThrowIfNull(round);
        return string.Create(CultureInfo.InvariantCulture, $"{round.Id.ToUpperInvariant()}-{i:D4}");
    }
}
