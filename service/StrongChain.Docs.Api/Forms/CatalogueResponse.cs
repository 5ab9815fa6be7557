using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Programme;
using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Api.Forms;

/// <summary>
/// Body of <c>GET /api/forms/application/catalogue</c>: the field catalogue of the template version, by section, with
/// where each value goes in a record, so a client (the browser form) can be generated from it.
/// </summary>
public sealed record CatalogueResponse(
    string TemplateVersion,
    string Title,
    IReadOnlyList<CatalogueSection> Sections,
    CatalogueDemand? Demand)
{
    public static CatalogueResponse From(Round? round, Demand? demand) => new(
        ApplicationForm.TemplateVersion,
        ApplicationForm.Title,
        [.. ApplicationForm.Sections.Select(s => new CatalogueSection(
            s.Key, s.Number, s.Title, s.TitleEn,
            [.. ApplicationForm.Fields.Where(f => f.Section == s.Key && f.Repeat is null).Select(CatalogueField.From)],
            [.. ApplicationForm.Repeats.Where(r => r.Section == s.Key).Select(r => new CatalogueRepeat(
                r.Tag, r.Label, r.ItemPrefix, r.MinItems, r.Tag == "coApplicants" ? round?.MaxCoApplicants : null, RecordPaths.PathOf(r),
                [.. ApplicationForm.FieldsOf(r).Select(CatalogueField.From)]))]))],
        demand is null || round is null ? null : new CatalogueDemand(demand.Id, demand.Title, demand.Issuer, demand.Sector, round.Id, round.Name));
}

public sealed record CatalogueSection(string Key, string Number, string Title, string TitleEn, IReadOnlyList<CatalogueField> Fields, IReadOnlyList<CatalogueRepeat> Repeats);

/// <param name="MaxItems">The round's limit (joint applicants) when a demand is named; null when there is none.</param>
public sealed record CatalogueRepeat(string Tag, string Label, string ItemPrefix, int MinItems, int? MaxItems, string RecordPath, IReadOnlyList<CatalogueField> Fields);

/// <param name="RecordPath">Where the value goes in the record's JSON; <c>[]</c> is the item of a repeating section.</param>
/// <param name="ValueType">The value's type in the record: text, integer, amount (万元, two decimals), date (yyyy-MM-dd), list, check, picture.</param>
public sealed record CatalogueField(
    string Tag, string Name, string Label, string LabelEn, FieldKind Kind, RecordValueType ValueType, string Placeholder,
    IReadOnlyList<string> Options, bool Locked, string? Repeat, string RecordPath)
{
    public static CatalogueField From(FormField f) => new(
        f.Tag, f.Name, f.Label, f.LabelEn, f.Kind, RecordPaths.ValueTypeOf(f), f.Placeholder, f.Options, f.Locked, f.Repeat, RecordPaths.PathOf(f));
}

/// <summary>The demand a catalogue was asked for: its locked facts, as the template pre-fills them.</summary>
public sealed record CatalogueDemand(string Id, string Title, string Issuer, string Sector, string RoundId, string RoundName);
