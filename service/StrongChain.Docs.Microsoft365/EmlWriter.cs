using System.Globalization;
using System.Text;
using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Microsoft365;

/// <summary>Writes an <see cref="OutgoingMail"/> as an RFC 5322 message: UTF-8 subject as an RFC 2047 word, base64 body.</summary>
public static class EmlWriter
{
    public static byte[] Write(OutgoingMail mail, string from, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var text = new StringBuilder();
        Header(text, "From", from);
        Header(text, "To", mail.To);
        Header(text, "Subject", EncodedWords(mail.Subject));
        Header(text, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
        Header(text, "Message-ID", mail.MessageId);
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", "text/plain; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Body.Replace("\n", "\r\n", StringComparison.Ordinal)));
        for (var i = 0; i < body.Length; i += 76)
        {
            text.Append(body, i, Math.Min(76, body.Length - i)).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void Header(StringBuilder text, string name, string value) => text.Append(name).Append(": ").Append(value).Append("\r\n");

    /// <summary>Encoded words (RFC 2047) short enough for 78-character lines, split on whole characters, folded on their own lines.</summary>
    private static string EncodedWords(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return value;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            // 39 bytes of UTF-8 are at most 52 characters of base64: a word of 64, and "Subject: " before it stays under 78.
            if (Encoding.UTF8.GetByteCount(chunk + rune.ToString()) > 39)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(Word(chunk.ToString()));
        return string.Join("\r\n ", words);
    }

    private static string Word(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}
