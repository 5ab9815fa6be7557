namespace StrongChain.Docs.Documents.Packages;

/// <summary>The upload guard for Word documents: <see cref="OfficePackageGuard"/> with <see cref="PackageKind.Word"/>.</summary>
public static class DocxPackageGuard
{
    public static void EnsureSafeDocx(byte[] bytes, PackageLimits limits) => OfficePackageGuard.EnsureSafe(bytes, limits, PackageKind.Word);

    /// <summary>Checks a whole upload and lets <paramref name="parts"/> read each XML part in the guard's own pass.</summary>
    public static void EnsureSafeDocx(byte[] bytes, PackageLimits limits, IGuardedPartReader parts) => OfficePackageGuard.EnsureSafe(bytes, limits, PackageKind.Word, parts);

    public static void EnsureSafeDocx(ReadOnlySpan<byte> bytes, PackageLimits limits) => OfficePackageGuard.EnsureSafe(bytes, limits, PackageKind.Word);

    public static void EnsureSafeDocx(Stream stream, PackageLimits limits) => OfficePackageGuard.EnsureSafe(stream, limits, PackageKind.Word);
}
