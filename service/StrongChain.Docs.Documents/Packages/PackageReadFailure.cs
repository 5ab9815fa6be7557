using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>What the Open XML SDK and System.IO.Packaging throw for a malformed package while opening or lazily loading it.</summary>
public static class PackageReadFailure
{
    /// <summary>
    /// True for a failure caused by the file: broken relationships (<see cref="ArgumentException"/> from System.IO.Packaging),
    /// typed attribute values out of range (<see cref="FormatException"/>, <see cref="OverflowException"/>), bad XML or zip data.
    /// </summary>
    public static bool Is(Exception exception) => exception is OpenXmlPackageException or InvalidDataException or XmlException
        or FileFormatException or InvalidOperationException or ArgumentException or FormatException or OverflowException or IOException;
}
