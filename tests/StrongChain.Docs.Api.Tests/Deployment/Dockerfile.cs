using System.Text.RegularExpressions;

namespace StrongChain.Docs.Api.Tests.Deployment;

/// <summary>A Dockerfile read as instructions (continuation lines joined, comments dropped), each with the stage it is in.</summary>
public sealed partial record Dockerfile(IReadOnlyList<Dockerfile.Instruction> Instructions)
{
    public sealed record Instruction(string Stage, string Keyword, string Arguments);

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<Instruction>();
        var stage = "";
        var pending = "";
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var whole = Spaces().Replace(pending + line, " ").Trim();
            pending = "";
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            var keyword = whole[..space].ToUpperInvariant();
            var arguments = whole[(space + 1)..];
            if (keyword == "FROM")
            {
                var parts = arguments.Split(' ');
                stage = parts.Length >= 3 && parts[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[^1] : parts[0];
            }

            instructions.Add(new Instruction(stage, keyword, arguments));
        }

        return new Dockerfile(instructions);
    }

    public IEnumerable<string> All(string stage, string keyword) =>
        Instructions.Where(i => i.Stage == stage && i.Keyword == keyword).Select(i => i.Arguments);

    public IEnumerable<string> Stages => Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Stage);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
