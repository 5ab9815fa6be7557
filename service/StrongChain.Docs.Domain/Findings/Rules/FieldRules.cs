using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using StrongChain.Docs.Domain.Forms;
using StrongChain.Docs.Domain.Text;

namespace StrongChain.Docs.Domain.Findings.Rules;

/// <summary>When a field must be filled.</summary>
internal enum Requirement
{
    Optional,
    Always,

    /// <summary>Only when the lead applicant's 单位类型 is 企业.</summary>
    WhenEnterprise,
}

/// <summary>Shapes a text value must have.</summary>
internal enum TextShape
{
    Any,
    Phone,
    Email,
}

/// <summary>The per-field rules of application-form.md that need no other field: required-ness, shape, length, range.</summary>
internal sealed record FieldSpec(
    Requirement Required = Requirement.Always,
    TextShape Shape = TextShape.Any,
    int? MinLength = null,
    int? MaxLength = null,
    decimal? Min = null,
    bool Positive = false);

/// <summary>Applies the field table in catalogue order; cross-field rules live in the other rule files.</summary>
internal static partial class FieldRules
{
    private static readonly FieldSpec Required = new();
    private static readonly FieldSpec Phone = new(Shape: TextShape.Phone);
    private static readonly FieldSpec Amount = new(Min: 0m);

    /// <summary>Keyed by tag; fields not listed are optional or checked elsewhere (credit codes, declarations, issuer funds).</summary>
    private static readonly FrozenDictionary<string, FieldSpec> Specs = new Dictionary<string, FieldSpec>(StringComparer.Ordinal)
    {
        ["applicant.name"] = new(MinLength: 2, MaxLength: 100),
        ["applicant.creditCode"] = Required,
        ["applicant.orgType"] = Required,
        ["applicant.region"] = Required,
        ["applicant.legalRepresentative"] = Required,
        ["applicant.established"] = Required,
        ["applicant.address"] = Required,
        ["applicant.contactName"] = Required,
        ["applicant.contactPhone"] = Phone,
        ["applicant.contactEmail"] = new(Shape: TextShape.Email),
        ["applicant.staffCount"] = new(Min: 1m),
        ["applicant.rdStaffCount"] = new(Min: 0m),
        ["applicant.lastYearRevenue"] = new(Required: Requirement.WhenEnterprise, Min: 0m),
        ["applicant.lastYearRdSpend"] = Amount, // required for every unit: the evidence of R&D capability (condition 2)

        ["coApplicant.name"] = Required,
        ["coApplicant.creditCode"] = Required,
        ["coApplicant.orgType"] = Required,
        ["coApplicant.region"] = Required,
        ["coApplicant.task"] = Required,
        ["coApplicant.contactName"] = Required,
        ["coApplicant.contactPhone"] = Phone,

        ["plan.summary"] = new(MinLength: 100),
        ["plan.approach"] = Required,
        ["plan.foundation"] = Required,
        ["plan.leaderName"] = Required,
        ["plan.leaderTitle"] = Required,
        ["plan.leaderPhone"] = Phone,
        ["project.start"] = Required,
        ["project.end"] = Required,

        ["indicator.name"] = Required,
        ["indicator.target"] = Required,
        ["milestone.name"] = Required,
        ["milestone.due"] = Required,
        ["milestone.deliverable"] = Required,
        ["member.name"] = Required,
        ["member.title"] = Required,
        ["member.organization"] = Required,
        ["member.role"] = Required,

        ["budget.total"] = new(Positive: true),
        ["budget.applicantFunds"] = new(Required: Requirement.Optional, Min: 0m), // empty counts as 0 in the split
        ["budget.requestedSupport"] = new(Required: Requirement.Optional, Min: 0m),
        ["budgetItem.category"] = Required,
        ["budgetItem.amount"] = new(Positive: true),

        ["sign.legalRepresentative"] = Required,
        ["sign.date"] = Required,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FieldSpec? SpecOf(string tag) => Specs.GetValueOrDefault(tag);

    public static void Apply(RuleContext context)
    {
        var values = context.Values;
        var isEnterprise = values.Text("applicant.orgType") == "企业";
        foreach (var field in ApplicationForm.Fields)
        {
            if (SpecOf(field.Tag) is not { } spec)
            {
                continue;
            }

            foreach (var path in values.PathsOf(field))
            {
                if (values.IsBlank(path))
                {
                    if (spec.Required == Requirement.Always || (spec.Required == Requirement.WhenEnterprise && isEnterprise))
                    {
                        context.Error(path, FindingCodes.Required, field.Kind is FieldKind.List or FieldKind.Date ? "choose" : null);
                    }

                    continue;
                }

                if (!values.IsMalformed(path))
                {
                    CheckValue(context, field, spec, path);
                }
            }
        }
    }

    private static void CheckValue(RuleContext context, FormField field, FieldSpec spec, string path)
    {
        var values = context.Values;
        var text = values.Text(path) ?? "";
        var shapeOk = spec.Shape switch
        {
            TextShape.Phone => IsPhone(text),
            TextShape.Email => IsEmail(text),
            _ => true,
        };
        if (!shapeOk)
        {
            context.Error(path, FindingCodes.Format, spec.Shape == TextShape.Phone ? "phone" : "email");
            return;
        }

        var length = ChineseText.CountCharacters(text);
        if (spec.MaxLength is { } max && spec.MinLength is { } min && (length < min || length > max))
        {
            context.Error(path, FindingCodes.OutOfRange, "length", RuleContext.Args(("min", $"{min}"), ("max", $"{max}")));
            return;
        }

        if (spec.MaxLength is null && spec.MinLength is { } atLeast && length < atLeast)
        {
            context.Error(path, FindingCodes.OutOfRange, "minLength", RuleContext.Args(("min", $"{atLeast}")));
            return;
        }

        decimal? number = values.Amount(path) ?? values.Integer(path);
        if (number is not { } n)
        {
            return;
        }

        if (spec.Positive && n <= 0)
        {
            context.Error(path, FindingCodes.OutOfRange, "positive");
        }
        else if (spec.Min is { } lowest && n < lowest)
        {
            context.Error(path, FindingCodes.OutOfRange, "min", RuleContext.Args(("min", lowest.ToString(CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>Mainland mobile or landline, after folding full-width digits and dropping spaces people type between groups.</summary>
    public static bool IsPhone(string text) => PhonePattern().IsMatch(Compact(text));

    public static bool IsEmail(string text) => EmailPattern().IsMatch(ChineseText.ToHalfWidth(text).Trim());

    private static string Compact(string text) => string.Concat(ChineseText.ToHalfWidth(text).Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"^(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(?:-[0-9]{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
