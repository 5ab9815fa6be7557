namespace StrongChain.Docs.Domain.DemandList;

// Replace with CreditCodes.UnifiedCreditCode once merged.
internal static class DemandCreditCode
{
    /// <summary>The 31 characters of GB 32100-2015 in value order (no I, O, Z, S, V).</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>True when the code has 18 characters of the code's alphabet (upper case).</summary>
    public static bool HasValidFormat(string code) => code.Length == 18 && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>The check character for the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>True when a well-formed code's 18th character matches its check character.</summary>
    public static bool HasValidChecksum(string code) => CheckCharacter(code.AsSpan(0, 17)) == code[17];
}
