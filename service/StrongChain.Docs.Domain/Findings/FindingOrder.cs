using System.Globalization;
using System.Text.RegularExpressions;
using StrongChain.Docs.Domain.Forms;

namespace StrongChain.Docs.Domain.Findings;

/// <summary>Puts findings in catalogue order, which is the order the template lays the fields out in the document.</summary>
public static partial class FindingOrder
{
    /// <summary>Form-level findings first, then by field position, repeating items by item then child; stable otherwise.</summary>
    public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) => [.. findings.OrderBy(Key)];

    private static (int Block, int Item, int Field) Key(Finding finding)
    {
        if (finding.Tag.Length == 0)
        {
            return (-1, -1, -1);
        }

        if (ApplicationForm.FindRepeat(finding.Tag) is { } repeat)
        {
            return (FirstFieldOf(repeat.Tag), -1, -1);
        }

        var index = IndexOf(finding.Tag);
        if (ApplicationForm.FindField(finding.Tag) is { Repeat: { } repeatTag })
        {
            var match = ItemIndex().Match(finding.Field);
            var item = match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
            return (FirstFieldOf(repeatTag), item, index);
        }

        return (index, -1, index);
    }

    private static int IndexOf(string tag)
    {
        for (var i = 0; i < ApplicationForm.Fields.Count; i++)
        {
            if (ApplicationForm.Fields[i].Tag == tag)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static int FirstFieldOf(string repeatTag)
    {
        for (var i = 0; i < ApplicationForm.Fields.Count; i++)
        {
            if (ApplicationForm.Fields[i].Repeat == repeatTag)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    [GeneratedRegex(@"\[([0-9]{1,9})\]", RegexOptions.CultureInvariant)]
    private static partial Regex ItemIndex();
}
