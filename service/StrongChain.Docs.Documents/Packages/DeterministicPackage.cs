using System.IO.Compression;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>Makes generated packages (.docx, .xlsx) byte-identical for equal content.</summary>
public static class DeterministicPackage
{
    /// <summary>Fixed zip entry time (the zip epoch), so equal content gives equal bytes.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Rewrites a zip package with every entry stamped <see cref="EntryTime"/>, in the same order:
    /// System.IO.Packaging stamps entries with the current time, which would make builds differ.
    /// </summary>
    public static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = CreateEntry(zip, entry.FullName);
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    /// <summary>An entry stamped <see cref="EntryTime"/>, for writers that make their package directly (no normalising pass).</summary>
    public static ZipArchiveEntry CreateEntry(ZipArchive zip, string name, CompressionLevel level = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = EntryTime;
        return entry;
    }
}
