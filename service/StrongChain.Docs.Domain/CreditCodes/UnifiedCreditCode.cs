using StrongChain.Docs.Domain.Text;

namespace StrongChain.Docs.Domain.CreditCodes;

/// <summary>Why a unified social credit code is not valid, or <see cref="Valid"/>.</summary>
public enum CreditCodeStatus
{
    Valid,
    Empty,
    WrongLength,
    InvalidCharacter,
    ChecksumMismatch,
}

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015) as parsed from what an applicant typed.
/// <see cref="Value"/> is the normalised form (trimmed, whitespace removed, half-width, upper case);
/// the parts are set whenever the code has 18 allowed characters, even when the check character is wrong.
/// </summary>
public sealed record UnifiedCreditCode(string Input, string Value, CreditCodeStatus Status)
{
    public const int Length = 18;

    /// <summary>The 31 allowed characters in value order: 0–9 then A–Y without I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Province codes (GB/T 2260, first two digits of the division) outside mainland China: 台湾, 香港, 澳门.</summary>
    public static readonly IReadOnlySet<string> NonMainlandProvinces = new HashSet<string>(StringComparer.Ordinal) { "71", "81", "82" };

    /// <summary>Province part "10": national-level registration (division 100000), which names no province.</summary>
    public const string NationalProvince = "10";

    public bool IsValid => Status == CreditCodeStatus.Valid;

    /// <summary>18 allowed characters: the parts can be read (the check character may still be wrong).</summary>
    public bool IsWellFormed => Status is CreditCodeStatus.Valid or CreditCodeStatus.ChecksumMismatch;

    /// <summary>Position 1: the registration authority (1 机构编制, 5 民政, 9 市场监管/工商, …).</summary>
    public char? Authority => IsWellFormed ? Value[0] : null;

    /// <summary>Position 2: the organisation category within the authority.</summary>
    public char? Category => IsWellFormed ? Value[1] : null;

    /// <summary>Positions 3–8: the administrative division of registration (GB/T 2260).</summary>
    public string? Division => IsWellFormed ? Value[2..8] : null;

    /// <summary>Positions 3–4: the province of the division.</summary>
    public string? ProvinceCode => IsWellFormed ? Value[2..4] : null;

    /// <summary>Positions 9–17: the organisation code.</summary>
    public string? OrganisationCode => IsWellFormed ? Value[8..17] : null;

    /// <summary>Position 18 as written.</summary>
    public char? CheckCharacter => IsWellFormed ? Value[17] : null;

    /// <summary>The check character the first 17 characters call for.</summary>
    public char? ExpectedCheckCharacter => IsWellFormed ? ComputeCheckCharacter(Value[..17]) : null;

    /// <summary>Authority 9 with category 2: 个体工商户, which is not an independent legal person.</summary>
    public bool IsIndividualBusiness => Authority == '9' && Category == '2';

    /// <summary>False for divisions in 台湾 (71), 香港 (81), 澳门 (82); true otherwise, including malformed codes (nothing to say).</summary>
    public bool IsMainland => ProvinceCode is not { } p || !NonMainlandProvinces.Contains(p);

    /// <summary>Parses what an applicant typed; never throws.</summary>
    public static UnifiedCreditCode Parse(string? input)
    {
        var raw = input ?? "";
        var value = Normalize(raw);
        return new UnifiedCreditCode(raw, value, StatusOf(value));
    }

    /// <summary>Trim, drop whitespace (codes are often printed in groups), full-width → half-width, upper case.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "";
        }

        var half = ChineseText.ToHalfWidth(input);
        return string.Concat(half.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>Whether a character is one of the 31 allowed (upper case, half-width).</summary>
    public static bool IsAllowedCharacter(char c) => Alphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>The check character (position 18) for the first 17 characters of a code.</summary>
    /// <exception cref="ArgumentException">Not 17 allowed characters: a programming error, not user data.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1 || !first17.All(IsAllowedCharacter))
        {
            throw new ArgumentException($"Expected 17 characters from {Alphabet}.", nameof(first17));
        }

        return Alphabet[CheckValue(first17)];
    }

    private static int CheckValue(string first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        // 31 − (sum mod 31), where 31 maps to 0.
        return (31 - (sum % 31)) % 31;
    }

    private static CreditCodeStatus StatusOf(string value)
    {
        if (value.Length == 0)
        {
            return CreditCodeStatus.Empty;
        }

        if (value.Length != Length)
        {
            return CreditCodeStatus.WrongLength;
        }

        if (!value.All(IsAllowedCharacter))
        {
            return CreditCodeStatus.InvalidCharacter;
        }

        return Alphabet[CheckValue(value[..17])] == value[17] ? CreditCodeStatus.Valid : CreditCodeStatus.ChecksumMismatch;
    }
}
