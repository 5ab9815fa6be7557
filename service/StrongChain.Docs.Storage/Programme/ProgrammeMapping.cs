using System.Text.Json;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Storage.Entities;

namespace StrongChain.Docs.Storage.Programme;

/// <summary>Domain rounds and demands to and from their stored rows.</summary>
public static class ProgrammeMapping
{
    public static Round ToDomain(this StoredRound r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone);
        return new Round(
            r.Id, r.Name, r.PublishedOn,
            TimeZoneInfo.ConvertTime(r.OpensUtc, zone), TimeZoneInfo.ConvertTime(r.ClosesUtc, zone),
            r.TimeZone, JsonSerializer.Deserialize<string[]>(r.SectorsJson) ?? [],
            r.MaxCoApplicants, r.MaxProjectMonths, r.SupportRatio);
    }

    public static void CopyFrom(this StoredRound row, Round r)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(r);
        row.Name = r.Name;
        row.PublishedOn = r.PublishedOn;
        row.OpensUtc = r.Opens.ToUniversalTime();
        row.ClosesUtc = r.Closes.ToUniversalTime();
        row.TimeZone = r.TimeZone;
        row.SectorsJson = JsonSerializer.Serialize(r.Sectors);
        row.MaxCoApplicants = r.MaxCoApplicants;
        row.MaxProjectMonths = r.MaxProjectMonths;
        row.SupportRatio = r.SupportRatio;
    }

    public static StoredRound ToRow(this Round r, int position)
    {
        ArgumentNullException.ThrowIfNull(r);
        var row = new StoredRound { Id = r.Id, Name = r.Name, TimeZone = r.TimeZone, SectorsJson = "[]", Position = position };
        row.CopyFrom(r);
        return row;
    }

    public static Demand ToDomain(this StoredDemand d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new Demand(
            d.Id, d.RoundId, d.Sector, d.SubField, d.Title, d.Issuer, d.IssuerCreditCode, d.CoIssuers, d.Summary, d.Indicators,
            d.DeadlineMonths, d.Procurement, d.CommittedVolume, d.ContactName, d.ContactPhone, d.ReviewStatus);
    }

    public static StoredDemand ToRow(this Demand d, int position)
    {
        ArgumentNullException.ThrowIfNull(d);
        var row = new StoredDemand { Id = d.Id, RoundId = d.RoundId, Sector = d.Sector, Title = d.Title, Issuer = d.Issuer, ReviewStatus = d.ReviewStatus };
        row.CopyFrom(d);
        row.Position = position;
        return row;
    }

    public static void CopyFrom(this StoredDemand row, Demand d)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(d);
        row.RoundId = d.RoundId;
        row.Sector = d.Sector;
        row.SubField = d.SubField;
        row.Title = d.Title;
        row.Issuer = d.Issuer;
        row.IssuerCreditCode = d.IssuerCreditCode;
        row.CoIssuers = d.CoIssuers;
        row.Summary = d.Summary;
        row.Indicators = d.Indicators;
        row.DeadlineMonths = d.DeadlineMonths;
        row.Procurement = d.Procurement;
        row.CommittedVolume = d.CommittedVolume;
        row.ContactName = d.ContactName;
        row.ContactPhone = d.ContactPhone;
        row.ReviewStatus = d.ReviewStatus;
    }
}
