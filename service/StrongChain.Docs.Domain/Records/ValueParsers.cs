using System.Globalization;
using System.Text.RegularExpressions;
using StrongChain.Docs.Domain.Text;

namespace StrongChain.Docs.Domain.Records;

/// <summary>Reads typed values from what applicants type (full-width digits, separators, units); never throws.</summary>
public static partial class ValueParsers
{
    /// <summary><c>yyyy-MM-dd</c> (also <c>yyyy-M-d</c>), <c>yyyy/M/d</c>, <c>yyyy年M月d日</c>, and <c>yyyy-MM-ddT…</c> as Word's date picker may store.</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DatePattern().Match(ChineseText.ToHalfWidth(text).Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>An integer, optionally negative, with full-width digits, thousands separators and a trailing 人.</summary>
    public static bool TryParseInteger(string? text, out int value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = ChineseText.ToHalfWidth(text).Trim();
        if (s.EndsWith('人'))
        {
            s = s[..^1].TrimEnd();
        }

        return IntegerPattern().IsMatch(s)
            && int.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>An amount in 万元: optional sign, thousands separators, at most two decimals, a trailing 万元 or 万.</summary>
    public static bool TryParseAmount(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = ChineseText.ToHalfWidth(text).Trim();
        foreach (var unit in (ReadOnlySpan<string>)["万元", "万"])
        {
            if (s.EndsWith(unit, StringComparison.Ordinal))
            {
                s = s[..^unit.Length].TrimEnd();
                break;
            }
        }

        var match = AmountPattern().Match(s);
        return match.Success
            && match.Groups["frac"].Length <= 3 // the dot plus at most two decimals
            && decimal.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:T.*)?|(?<y>[0-9]{4})/(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2})|(?<y>[0-9]{4})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*日)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?<frac>\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();
}
