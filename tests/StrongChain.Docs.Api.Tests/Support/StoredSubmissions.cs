using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StrongChain.Docs.Storage;

namespace StrongChain.Docs.Api.Tests.Support;

/// <summary>Reads every stored submission straight from the database and asserts each one is whole.</summary>
public static class StoredSubmissions
{
    public sealed record Row(string ApplicationId, string DemandId, string CreditCode, int Version, string ReceiptNo, string Sha256);

    /// <summary>
    /// Every version has its bytes (SHA-256 and size match), a receipt and one audit entry; each application's versions are
    /// 1..latest; each demand's receipt sequences are 1..k; no receipt twice.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> AssertWholeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocsDbContext>();
        var applications = await db.Applications.AsNoTracking().ToListAsync();
        var versions = await db.ApplicationVersions.AsNoTracking().ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "application.submit").ToListAsync();

        foreach (var v in versions)
        {
            Assert.NotNull(v.Bytes);
            Assert.Equal(v.Size, v.Bytes.LongLength);
            Assert.Equal(v.Sha256, Convert.ToHexStringLower(SHA256.HashData(v.Bytes)));
            Assert.False(string.IsNullOrEmpty(v.ReceiptNo));
        }

        var submitted = audit.Select(a =>
        {
            using var detail = JsonDocument.Parse(a.DetailJson!);
            return (a.EntityId, Version: detail.RootElement.GetProperty("version").GetInt32(), Receipt: detail.RootElement.GetProperty("receiptNo").GetString());
        }).ToList();
        Assert.Equal(versions.Count, submitted.Count);
        Assert.Equal(
            versions.Select(v => (v.ApplicationId, v.Version, (string?)v.ReceiptNo)).Order(),
            submitted.Select(s => (s.EntityId, s.Version, s.Receipt)).Order());

        var byApplication = versions.ToLookup(v => v.ApplicationId);
        foreach (var application in applications)
        {
            Assert.Equal(Enumerable.Range(1, application.LatestVersion), byApplication[application.Id].Select(v => v.Version).Order());
        }

        Assert.Equal(versions.Count, applications.Sum(a => a.LatestVersion));
        Assert.Equal(versions.Count, versions.Select(v => v.ReceiptNo).Distinct(StringComparer.Ordinal).Count());

        var demandOf = applications.ToDictionary(a => a.Id, a => a.DemandId, StringComparer.Ordinal);
        foreach (var demand in versions.GroupBy(v => demandOf[v.ApplicationId], StringComparer.Ordinal))
        {
            var sequences = demand.Select(v => Sequence(demand.Key, v.ReceiptNo)).Order();
            Assert.Equal(Enumerable.Range(1, demand.Count()), sequences);
        }

        var ownerOf = applications.ToDictionary(a => a.Id, a => a.CreditCode, StringComparer.Ordinal);
        return [.. versions.Select(v => new Row(v.ApplicationId, demandOf[v.ApplicationId], ownerOf[v.ApplicationId], v.Version, v.ReceiptNo, v.Sha256))];
    }

    private static int Sequence(string demandId, string receiptNo)
    {
        Assert.StartsWith(demandId + "-", receiptNo, StringComparison.Ordinal);
        return int.Parse(receiptNo[(demandId.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
