using System.Globalization;
using System.Text;
using StrongChain.Docs.Domain.Outbox;

namespace StrongChain.Docs.Microsoft365;

/// <summary>Writes an <see cref="OutgoingMail"/> as an RFC 5322 message: UTF-8 subject as an RFC 2047 word, base64 body; with attachments multipart/mixed (RFC 2046).</summary>
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
        var body = Encoding.UTF8.GetBytes(mail.Body.Replace("\n", "\r\n", StringComparison.Ordinal));
        if (mail.Attachments is not { Count: > 0 } attachments)
        {
            Header(text, "Content-Type", "text/plain; charset=utf-8");
            Header(text, "Content-Transfer-Encoding", "base64");
            text.Append("\r\n");
            Base64Lines(text, body);
            return Encoding.ASCII.GetBytes(text.ToString());
        }

        // The boundary is fixed by the message id, so the same mail gives the same bytes; base64 lines never contain it.
        var boundary = "=_strongchain_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(mail.MessageId)))[..24];
        Header(text, "Content-Type", $"multipart/mixed;\r\n boundary=\"{boundary}\"");
        text.Append("\r\n");
        text.Append("--").Append(boundary).Append("\r\n");
        Header(text, "Content-Type", "text/plain; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        text.Append("\r\n");
        Base64Lines(text, body);
        foreach (var attachment in attachments)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            Header(text, "Content-Type", $"{attachment.ContentType};{Parameter("name", attachment.Name)}");
            Header(text, "Content-Disposition", $"attachment;{Parameter("filename", attachment.Name)}");
            Header(text, "Content-Transfer-Encoding", "base64");
            text.Append("\r\n");
            Base64Lines(text, attachment.Bytes);
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>A parameter in RFC 2231 form (UTF-8, percent-encoded, continued over folded lines of under 78 characters).</summary>
    private static string Parameter(string name, string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            encoded.Append(char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal)
                ? c.ToString()
                : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        var parts = new List<string>();
        var all = "utf-8''" + encoded;
        for (var start = 0; start < all.Length;)
        {
            var length = Math.Min(54, all.Length - start);
            // Never split a %XX escape.
            while (start + length < all.Length && (all[start + length - 1] == '%' || (length > 1 && all[start + length - 2] == '%')))
            {
                length--;
            }

            parts.Add(all.Substring(start, length));
            start += length;
        }

        return string.Concat(parts.Select((part, i) => $"\r\n {name}*{i.ToString(CultureInfo.InvariantCulture)}*={part}{(i < parts.Count - 1 ? ";" : "")}"));
    }

    private static void Base64Lines(StringBuilder text, byte[] bytes)
    {
        var base64 = Convert.ToBase64String(bytes);
        for (var i = 0; i < base64.Length; i += 76)
        {
            text.Append(base64, i, Math.Min(76, base64.Length - i)).Append("\r\n");
        }
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
