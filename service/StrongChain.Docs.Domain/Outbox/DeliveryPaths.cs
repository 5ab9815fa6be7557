using System.Globalization;
using System.Text;

namespace StrongChain.Docs.Domain.Outbox;

/// <summary>
/// Where delivered files go, relative to a library: the same facts always give the same path, so a repeated upload
/// replaces its own file instead of adding a copy.
/// </summary>
public static class DeliveryPaths
{
    /// <summary><c>{round}/{demand}/{credit code}</c>: the credit code names the organisation (a name may change between versions).</summary>
    public static string SubmissionFolder(string roundId, string demandId, string creditCode) =>
        $"{Segment(roundId)}/{Segment(demandId)}/{Segment(creditCode)}";

    /// <summary><c>…/QL2020-BM-02-0001-v1.docx</c>.</summary>
    public static string Form(string roundId, string demandId, string creditCode, string receiptNo, int version) =>
        $"{SubmissionFolder(roundId, demandId, creditCode)}/{Segment(receiptNo)}-v{version.ToString(CultureInfo.InvariantCulture)}.docx";

    /// <summary><c>…/QL2020-BM-02-0001-v1-check.json</c>: the check report beside the form.</summary>
    public static string CheckReport(string roundId, string demandId, string creditCode, string receiptNo, int version) =>
        $"{SubmissionFolder(roundId, demandId, creditCode)}/{Segment(receiptNo)}-v{version.ToString(CultureInfo.InvariantCulture)}-check.json";

    /// <summary><c>{round}/bulletin-{round}-{id}.docx</c> (or <c>.pdf</c>): one file per generated bulletin.</summary>
    public static string Bulletin(string roundId, string bulletinId, string extension) =>
        $"{Segment(roundId)}/bulletin-{Segment(roundId)}-{Segment(bulletinId)}.{extension}";

    /// <summary><c>{round}/{demand}/{consortium}</c>: a consortium's files (countersigned agreement, progress reports).</summary>
    public static string ConsortiumFolder(string roundId, string demandId, string consortiumId) =>
        $"{Segment(roundId)}/{Segment(demandId)}/{Segment(consortiumId)}";

    /// <summary><c>…/{consortium}/M1/{consortium}-R001-v1.docx</c>.</summary>
    public static string ProgressReport(string roundId, string demandId, string consortiumId, int milestone, string receiptNo, int version) =>
        $"{ConsortiumFolder(roundId, demandId, consortiumId)}/M{milestone.ToString(CultureInfo.InvariantCulture)}/{Segment(receiptNo)}-v{version.ToString(CultureInfo.InvariantCulture)}.docx";

    /// <summary><c>…/{consortium}/XY-…-v1-countersigned.pdf</c>: the file name the register gave the upload.</summary>
    public static string Countersigned(string roundId, string demandId, string consortiumId, string fileName) =>
        $"{ConsortiumFolder(roundId, demandId, consortiumId)}/{Segment(fileName)}";

    /// <summary>A path segment SharePoint and every file system accept: its forbidden characters become <c>_</c>.</summary>
    public static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            builder.Append(c is '"' or '*' or ':' or '<' or '>' or '?' or '/' or '\\' or '|' or '#' or '%' || char.IsControl(c) ? '_' : c);
        }

        var segment = builder.ToString().TrimEnd('.');
        return segment.Length == 0 || segment == ".." ? "_" : segment;
    }
}
