using System.Text;

namespace StrongChain.Docs.Domain.Text;

/// <summary>Text helpers for what applicants type with a Chinese input method.</summary>
public static class ChineseText
{
    /// <summary>Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space → half-width, so "９１１" reads as "911".</summary>
    public static string ToHalfWidth(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var mapped = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (mapped != c)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
            }

            sb?.Append(mapped);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>Characters as a reader counts "字": Unicode scalars, whitespace not counted.</summary>
    public static int CountCharacters(string text)
    {
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune))
            {
                count++;
            }
        }

        return count;
    }
}
