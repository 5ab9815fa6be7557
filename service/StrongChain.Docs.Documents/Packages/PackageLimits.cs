namespace StrongChain.Docs.Documents.Packages;

/// <summary>Bounds an uploaded package must stay within before any part is parsed.</summary>
/// <param name="MaxInflatedBytes">Sum of all entries' uncompressed sizes (declared and actual).</param>
/// <param name="MaxRatio">Largest uncompressed/compressed ratio for an entry bigger than <paramref name="RatioCheckMinBytes"/>.</param>
/// <param name="MaxEntries">Largest number of zip entries.</param>
/// <param name="RatioCheckMinBytes">Entries up to this size may compress as well as they like (XML compresses well).</param>
public sealed record PackageLimits(
    long MaxInflatedBytes = 100L * 1024 * 1024,
    double MaxRatio = 100,
    int MaxEntries = 1000,
    long RatioCheckMinBytes = 1024 * 1024)
{
    public static PackageLimits Default { get; } = new();
}
