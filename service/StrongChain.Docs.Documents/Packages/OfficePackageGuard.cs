using System.IO.Compression;
using System.Text;
using System.Xml;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>
/// The upload guard: checks the raw bytes of a .docx or .xlsx before the Open XML SDK opens anything, and throws
/// <see cref="DocumentRejectedException"/> for anything that is not a safe, macro-free, readable package of that kind.
/// </summary>
public static class OfficePackageGuard
{
    private const int PrefixBytes = 4096;

    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] DoctypeUtf8 = Encoding.UTF8.GetBytes("<!DOCTYPE");
    private static readonly byte[] DoctypeUtf16Le = Encoding.Unicode.GetBytes("<!DOCTYPE");
    private static readonly byte[] DoctypeUtf16Be = Encoding.BigEndianUnicode.GetBytes("<!DOCTYPE");

    private static ReadOnlySpan<byte> CfbMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> ZipLocalHeader => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> ZipEndOfDirectory => [0x50, 0x4B, 0x05, 0x06];

    /// <summary>Checks a whole upload held in memory.</summary>
    public static void EnsureSafe(byte[] bytes, PackageLimits limits, PackageKind kind)
    {
        CheckSignature(bytes, kind);
        CheckZip(bytes, limits, kind);
    }

    /// <summary>Checks a whole upload and lets <paramref name="parts"/> read each XML part in the guard's own pass.</summary>
    public static void EnsureSafe(byte[] bytes, PackageLimits limits, PackageKind kind, IGuardedPartReader parts)
    {
        CheckSignature(bytes, kind);
        CheckZip(bytes, limits, kind, parts);
    }

    /// <summary>Checks a whole upload held in memory.</summary>
    public static void EnsureSafe(ReadOnlySpan<byte> bytes, PackageLimits limits, PackageKind kind)
    {
        CheckSignature(bytes, kind);
        CheckZip(bytes.ToArray(), limits, kind);
    }

    /// <summary>Checks an upload stream from its current position; a seekable stream is put back where it was.</summary>
    public static void EnsureSafe(Stream stream, PackageLimits limits, PackageKind kind)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        try
        {
            // A package bigger than the inflated limit cannot inflate to less than it: refuse without buffering it all.
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limits.MaxInflatedBytes)
                {
                    throw kind.ZipBomb();
                }
            }

            EnsureSafe(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), limits, kind);
        }
        finally
        {
            if (stream.CanSeek)
            {
                stream.Position = start;
            }
        }
    }

    private static void CheckSignature(ReadOnlySpan<byte> bytes, PackageKind kind)
    {
        if (bytes.IsEmpty)
        {
            throw kind.Empty();
        }

        if (bytes.StartsWith(CfbMagic))
        {
            // Office wraps an encrypted package in a compound file; a 97-2003 .doc or .xls is one too. Their directory names tell them apart.
            if (bytes.IndexOf(EncryptedPackageName) >= 0)
            {
                throw kind.Encrypted();
            }

            throw bytes.IndexOf(kind.LegacyStreamName) >= 0 ? kind.LegacyFormat() : kind.NotOfKind();
        }

        if (!bytes.StartsWith(ZipLocalHeader) && !bytes.StartsWith(ZipEndOfDirectory))
        {
            throw kind.NotOfKind();
        }
    }

    private static void CheckZip(byte[] zip, PackageLimits limits, PackageKind kind, IGuardedPartReader? parts = null)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            var entries = archive.Entries;
            CheckDeclaredSizes(entries, limits, kind);

            var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in entries)
            {
                byName.TryAdd(entry.FullName, entry);
                if (entry.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                {
                    throw kind.MacroEnabled();
                }
            }

            if (!byName.TryGetValue("[Content_Types].xml", out var contentTypes) || !byName.ContainsKey(kind.MainPart))
            {
                throw kind.NotOfKind();
            }

            // The runtime silently stops an entry at its declared size; inflating the raw data ourselves catches the lie.
            var raw = ReadCentralDirectory(zip, entries.Count);
            var budget = new InflateBudget(limits.MaxInflatedBytes, kind);
            Inflate(zip, contentTypes, raw?[entries.IndexOf(contentTypes)], budget, kind, isContentTypes: true);
            // Zip order, or the order the part reader asks for (OrderBy is stable).
            var order = Enumerable.Range(0, entries.Count);
            if (parts is not null)
            {
                order = order.OrderBy(i => parts.Order(entries[i].FullName));
            }

            foreach (var index in order)
            {
                var entry = entries[index];
                if (!ReferenceEquals(entry, contentTypes))
                {
                    Inflate(zip, entry, raw?[index], budget, kind, isContentTypes: false, parts);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw kind.Corrupt(ex);
        }
        catch (IOException ex)
        {
            throw kind.Corrupt(ex);
        }
    }

    private static void CheckDeclaredSizes(IReadOnlyCollection<ZipArchiveEntry> entries, PackageLimits limits, PackageKind kind)
    {
        if (entries.Count > limits.MaxEntries)
        {
            throw kind.ZipBomb();
        }

        long total = 0;
        foreach (var entry in entries)
        {
            total += entry.Length;
            if (entry.Length < 0 || total > limits.MaxInflatedBytes)
            {
                throw kind.ZipBomb();
            }

            if (entry.Length > limits.RatioCheckMinBytes && entry.Length > limits.MaxRatio * Math.Max(1, entry.CompressedLength))
            {
                throw kind.ZipBomb();
            }
        }
    }

    private static void Inflate(byte[] zip, ZipArchiveEntry entry, RawEntry? raw, InflateBudget budget, PackageKind kind, bool isContentTypes, IGuardedPartReader? parts = null)
    {
        if (entry.FullName.EndsWith('/'))
        {
            return;
        }

        Stream data = raw switch
        {
            { Method: 8 } r => new DeflateStream(new MemoryStream(zip, r.DataOffset, r.CompressedSize, writable: false), CompressionMode.Decompress),
            { Method: 0 } r => new MemoryStream(zip, r.DataOffset, r.CompressedSize, writable: false),
            _ => entry.Open(),
        };
        using var bounded = new BoundedStream(data, entry.Length, budget);
        if (IsXmlName(entry.FullName))
        {
            ScanXml(bounded, kind, isContentTypes, parts is null ? null : reader => parts.Read(entry.FullName, reader));
        }

        bounded.Drain();
    }

    private static bool IsXmlName(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    /// <summary>One settings object for every part: XmlReader.Create copies it, so sharing it is safe and saves an allocation a part.</summary>
    internal static readonly XmlReaderSettings ScanSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
    };

    private static void ScanXml(BoundedStream stream, PackageKind kind, bool isContentTypes, Action<XmlReader>? read)
    {
        try
        {
            using var reader = XmlReader.Create(stream, ScanSettings);
            read?.Invoke(reader);
            while (reader.Read())
            {
                if (isContentTypes && reader.NodeType == XmlNodeType.Element
                    && reader.GetAttribute("ContentType") is { } contentType
                    && (contentType.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                        || contentType.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
                {
                    throw kind.MacroEnabled();
                }
            }
        }
        catch (XmlException ex)
        {
            var prefix = stream.Prefix;
            var hasDoctype = prefix.IndexOf(DoctypeUtf8) >= 0 || prefix.IndexOf(DoctypeUtf16Le) >= 0 || prefix.IndexOf(DoctypeUtf16Be) >= 0;
            throw hasDoctype ? kind.XmlDtd() : kind.Corrupt(ex);
        }
    }

    /// <summary>Where an entry's data lies, from the central and local headers; null when ZIP64 or odd (then the runtime reads it).</summary>
    private sealed record RawEntry(int Method, int DataOffset, int CompressedSize);

    private static RawEntry?[]? ReadCentralDirectory(byte[] zip, int count)
    {
        var end = -1;
        for (var i = zip.Length - 22; i >= Math.Max(0, zip.Length - 22 - 65535); i--)
        {
            if (U32(zip, i) == 0x06054B50)
            {
                end = i;
                break;
            }
        }

        if (end < 0 || U16(zip, end + 10) != count || U32(zip, end + 16) >= (uint)zip.Length)
        {
            return null;
        }

        var entries = new RawEntry?[count];
        var p = (int)U32(zip, end + 16);
        for (var k = 0; k < count; k++)
        {
            if (p + 46 > zip.Length || U32(zip, p) != 0x02014B50)
            {
                return null;
            }

            var method = U16(zip, p + 10);
            var compressed = U32(zip, p + 20);
            var local = U32(zip, p + 42);
            if (compressed != uint.MaxValue && zip.Length >= 30 && local <= (uint)(zip.Length - 30) && U32(zip, (int)local) == 0x04034B50)
            {
                var data = (long)local + 30 + U16(zip, (int)local + 26) + U16(zip, (int)local + 28);
                if (data + compressed <= zip.Length)
                {
                    entries[k] = new RawEntry(method, (int)data, (int)compressed);
                }
            }

            p += 46 + U16(zip, p + 28) + U16(zip, p + 30) + U16(zip, p + 32);
        }

        return entries;
    }

    private static int U16(byte[] bytes, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset));

    private static uint U32(byte[] bytes, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset));

    /// <summary>Bytes inflated so far across the package, against the limit.</summary>
    private sealed class InflateBudget(long max, PackageKind kind)
    {
        private long used;

        public PackageKind Kind => kind;

        public void Add(int count)
        {
            used += count;
            if (used > max)
            {
                throw kind.ZipBomb();
            }
        }
    }

    /// <summary>Reads an entry, refusing more bytes than its header declared (headers can lie), and keeps the first bytes.</summary>
    private sealed class BoundedStream(Stream inner, long declared, InflateBudget budget) : Stream
    {
        // Rented: a check opens one bounded stream per package entry, and the prefix is only read after an XML error.
        private readonly byte[] prefix = System.Buffers.ArrayPool<byte>.Shared.Rent(PrefixBytes);
        private int prefixLength;
        private bool disposed;
        private long count;

        public ReadOnlySpan<byte> Prefix => prefix.AsSpan(0, prefixLength);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => count;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int length) => Read(buffer.AsSpan(offset, length));

        public override int Read(Span<byte> buffer)
        {
            // Ask for one byte beyond what is declared so an entry that inflates further is caught.
            var room = declared - count + 1;
            if (room < buffer.Length)
            {
                buffer = buffer[..(int)room];
            }

            var n = inner.Read(buffer);
            if (n <= 0)
            {
                return 0;
            }

            count += n;
            if (count > declared)
            {
                throw budget.Kind.ZipBomb();
            }

            budget.Add(n);
            if (prefixLength < PrefixBytes)
            {
                var take = Math.Min(n, PrefixBytes - prefixLength);
                buffer[..take].CopyTo(prefix.AsSpan(prefixLength));
                prefixLength += take;
            }

            return n;
        }

        public void Drain()
        {
            Span<byte> scratch = stackalloc byte[8192];
            while (Read(scratch) > 0)
            {
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !disposed)
            {
                disposed = true;
                inner.Dispose();
                System.Buffers.ArrayPool<byte>.Shared.Return(prefix);
            }

            base.Dispose(disposing);
        }
    }
}
