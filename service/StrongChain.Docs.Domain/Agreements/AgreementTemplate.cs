using System.Text.RegularExpressions;

namespace StrongChain.Docs.Domain.Agreements;

/// <summary>
/// The clause wording, parsed from the editable text resource <c>agreement-template.txt</c>: sections of paragraphs
/// with <c>{placeholders}</c> and <c>[[blocks]]</c>. See the file's head for its format.
/// </summary>
public sealed partial record AgreementTemplate(IReadOnlyList<TemplateSection> Sections)
{
    public static AgreementTemplate Default { get; } = Parse(ReadResource());

    /// <summary>Every <c>{name}</c> the wording uses.</summary>
    public IEnumerable<string> Placeholders => Sections
        .SelectMany(s => s.Paragraphs)
        .SelectMany(p => Placeholder().Matches(p).Select(m => m.Groups[1].Value))
        .Distinct(StringComparer.Ordinal);

    public static AgreementTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = new List<TemplateSection>();
        string? heading = null;
        var numbered = false;
        var paragraphs = new List<string>();
        var current = new List<string>();

        void EndParagraph()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join("", current));
                current.Clear();
            }
        }

        void EndSection()
        {
            EndParagraph();
            if (heading is not null)
            {
                sections.Add(new TemplateSection(heading, numbered, [.. paragraphs]));
            }

            paragraphs.Clear();
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("== ", StringComparison.Ordinal) || line.StartsWith("=* ", StringComparison.Ordinal))
            {
                EndSection();
                heading = line[3..].Trim();
                numbered = line[1] == '=';
            }
            else if (string.IsNullOrWhiteSpace(line))
            {
                EndParagraph();
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        EndSection();
        return new AgreementTemplate(sections);
    }

    /// <summary>The name of a paragraph that is a whole <c>[[block]]</c>, else null.</summary>
    public static string? BlockName(string paragraph) => Block().Match(paragraph) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Replaces every <c>{name}</c>; a name without a value is the template's mistake and throws.</summary>
    public static string Fill(string paragraph, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(paragraph, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new KeyNotFoundException($"The agreement template names an unknown placeholder {{{m.Groups[1].Value}}}."));

    private static string ReadResource()
    {
        using var stream = typeof(AgreementTemplate).Assembly.GetManifestResourceStream("Agreements.agreement-template.txt")
            ?? throw new InvalidOperationException("The agreement template is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{([a-zA-Z.]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\[\[([a-z]+)\]\]$")]
    private static partial Regex Block();
}

/// <summary>One section of the wording: its heading, whether it is a numbered article, and its paragraphs as written.</summary>
public sealed record TemplateSection(string Heading, bool Numbered, IReadOnlyList<string> Paragraphs);
