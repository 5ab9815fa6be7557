using System.Xml;

namespace StrongChain.Docs.Documents.Packages;

/// <summary>
/// Reads XML parts during <see cref="OfficePackageGuard"/>'s own pass, so a part is inflated and parsed once:
/// the reader gets the guard's safe <see cref="XmlReader"/> (no DTD) before it has read anything, may stop
/// anywhere, and the guard reads on to the end; an <see cref="XmlException"/> becomes the guard's rejection.
/// </summary>
public interface IGuardedPartReader
{
    /// <summary>Called once per XML part except [Content_Types].xml, in zip order; <paramref name="partName"/> is the zip entry name.</summary>
    void Read(string partName, XmlReader reader);

    /// <summary>
    /// When the guard hands <paramref name="partName"/> over, lower first (stable, zip order within one value): a reader can
    /// ask for the parts it needs to understand another before that one. Every part is still inflated and checked once.
    /// </summary>
    int Order(string partName) => 0;
}
