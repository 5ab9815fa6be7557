using StrongChain.Docs.Domain.CreditCodes;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Text;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>The lead and joint applicants: credit codes, regions, duplicates, co-applicant count, condition 2, dates, staff.</summary>
internal static class PartyRules
{
    /// <summary>Minimum length of 成果转化基础 for research organisations (condition 2).</summary>
    public const int TransformationRecordMinLength = 50;

    private static readonly IReadOnlyDictionary<string, string> ProvinceOfRegion =
        ApplicationForm.MainlandRegions.ToDictionary(r => r.Name, r => r.Code, StringComparer.Ordinal);

    public static void Apply(RuleContext context)
    {
        var values = context.Values;
        var parties = new List<(string CodePath, string RegionPath)> { ("applicant.creditCode", "applicant.region") };
        var coItems = values.ItemsOf("coApplicants");
        parties.AddRange(coItems.Select(i => ($"coApplicants[{i}].creditCode", $"coApplicants[{i}].region")));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (codePath, regionPath) in parties)
        {
            CheckCodeAndRegion(context, codePath, regionPath);

            // The later of two parties with one code is the duplicate: the first may well be right.
            var code = UnifiedCreditCode.Parse(values.Text(codePath));
            if (code.IsWellFormed && !seen.Add(code.Value))
            {
                context.Error(codePath, FindingCodes.DuplicateParty);
            }
        }

        if (coItems.Count > context.Round.MaxCoApplicants)
        {
            context.Error("coApplicants", FindingCodes.TooManyCoApplicants, args: RuleContext.Args(("max", $"{context.Round.MaxCoApplicants}")));
        }

        CheckLead(context);
    }

    private static void CheckCodeAndRegion(RuleContext context, string codePath, string regionPath)
    {
        var values = context.Values;
        var region = values.Typed<string>(regionPath);
        if (region is not null && ApplicationForm.NonMainlandRegions.Contains(region))
        {
            context.Error(regionPath, FindingCodes.RegionNotMainland);
        }

        if (values.Text(codePath) is not { } text)
        {
            return; // required is reported by the field table
        }

        var code = UnifiedCreditCode.Parse(text);
        switch (code.Status)
        {
            case CreditCodeStatus.WrongLength or CreditCodeStatus.InvalidCharacter:
                context.Error(codePath, FindingCodes.Format, "creditCode");
                return;
            case CreditCodeStatus.ChecksumMismatch:
                // Any position of a code that fails its checksum may be the typo: judge nothing else from it.
                context.Error(codePath, FindingCodes.CreditCodeChecksum);
                return;
        }

        if (code.IsIndividualBusiness)
        {
            context.Error(codePath, FindingCodes.NotLegalPerson);
        }

        if (!code.IsMainland)
        {
            context.Error(codePath, FindingCodes.RegionNotMainland, "creditCode");
            return;
        }

        if (region is not null
            && ProvinceOfRegion.TryGetValue(region, out var declared)
            && code.ProvinceCode is { } province
            && province != UnifiedCreditCode.NationalProvince
            && province != declared)
        {
            var name = ApplicationForm.MainlandRegions.FirstOrDefault(r => r.Code == province).Name;
            context.Warning(regionPath, FindingCodes.RegionMismatch, args: RuleContext.Args(("province", name is null ? province : $"{name} {province}"), ("code", province)));
        }
    }

    private static void CheckLead(RuleContext context)
    {
        var values = context.Values;
        var orgType = values.Typed<string>("applicant.orgType");
        if (orgType is not null && ApplicationForm.ResearchOrgTypes.Contains(orgType)
            && ChineseText.CountCharacters(values.Text("applicant.transformationRecord") ?? "") < TransformationRecordMinLength)
        {
            context.Error("applicant.transformationRecord", FindingCodes.TransformationRecordMissing, args: RuleContext.Args(("min", $"{TransformationRecordMinLength}")));
        }

        if (values.Date("applicant.established") is { } established && established > context.Today)
        {
            context.Error("applicant.established", FindingCodes.DateInFuture, args: RuleContext.Args(("today", RuleContext.Date(context.Today))));
        }

        if (values.Integer("applicant.staffCount") is { } staff && values.Integer("applicant.rdStaffCount") is { } rd && rd >= 0 && rd > staff)
        {
            context.Error("applicant.rdStaffCount", FindingCodes.OutOfRange, "rdStaff", RuleContext.Args(("max", $"{staff}")));
        }
    }
}
