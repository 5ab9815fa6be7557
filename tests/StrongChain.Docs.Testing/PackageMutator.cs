using System.IO.Compression;
using System.Xml.Linq;

namespace StrongChain.Docs.Testing;

/// <summary>
/// Well-formed but wrong packages, made the way a careless editor or an attacker would: an XML part of a real .docx/.xlsx
/// with elements removed, duplicated, moved or replaced, attributes emptied or set to absurd values. Seeded, so a failure
/// repeats; the zip and the XML stay valid, so the mutation reaches the readers behind the upload guard.
/// </summary>
public sealed class PackageMutator(byte[] package, int seed)
{
    private static readonly string[] Values = ["", "-1", "99999999999999999999", "abc", "NaN", "true", "0", "2021-02-30", "１２３", new('9', 300)];
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly Random _random = new(seed);
    private readonly List<(string Name, byte[] Content)> _entries = ReadEntries(package);

    /// <summary>The next mutant: one or two XML parts (the main parts more often), each changed one to four times.</summary>
    public byte[] Next()
    {
        var xmlParts = _entries.Where(e => e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".rels", StringComparison.Ordinal))
            .Select(e => e.Name).ToList();
        var weighted = xmlParts.Where(n => n.Contains("document", StringComparison.Ordinal) || n.Contains("sheet", StringComparison.Ordinal))
            .SelectMany(n => Enumerable.Repeat(n, 6)).Concat(xmlParts).ToList();
        var targets = Enumerable.Range(0, _random.Next(1, 3)).Select(_ => weighted[_random.Next(weighted.Count)]).ToHashSet();

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in _entries)
            {
                var bytes = targets.Contains(name) ? Mutate(content) : content;
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private byte[] Mutate(byte[] xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(new MemoryStream(xml));
        }
        catch (System.Xml.XmlException)
        {
            return xml;
        }

        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            var elements = document.Descendants().ToList();
            if (elements.Count < 2)
            {
                break;
            }

            MutateOnce(elements[_random.Next(1, elements.Count)], elements);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, SaveOptions.DisableFormatting);
        return buffer.ToArray();
    }

    private void MutateOnce(XElement element, List<XElement> all)
    {
        // xml:space and xml:lang must stay valid for the mutant to be saved at all.
        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.Xml).ToList();
        // Attribute values weigh most: typed values (row numbers, sizes, ids, relationship targets) are where readers trust the file.
        switch (_random.Next(12))
        {
            case 0:
                element.Remove();
                break;
            case 1:
                element.AddBeforeSelf(new XElement(element));
                break;
            case 2 or 3 or 8 or 9 or 10 when attributes.Count > 0:
                attributes[_random.Next(attributes.Count)].Value = Values[_random.Next(Values.Length)];
                break;
            case 11 when attributes.Count > 0:
                attributes[_random.Next(attributes.Count)].Remove();
                break;
            case 4:
                element.Add(Values[_random.Next(Values.Length)]);
                break;
            case 5:
                var target = all[_random.Next(all.Count)];
                if (target != element && !target.Ancestors().Contains(element))
                {
                    element.Remove();
                    target.Add(element);
                }

                break;
            case 6:
                element.RemoveNodes();
                break;
            default:
                string[] names = ["sdt", "sdtContent", "sdtPr", "tag", "p", "r", "t", "tbl", "tr", "tc", "ins", "del"];
                element.ReplaceWith(new XElement(W + names[_random.Next(names.Length)], element.Nodes()));
                break;
        }
    }

    private static List<(string, byte[])> ReadEntries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (e.FullName, buffer.ToArray());
        })];
    }
}
