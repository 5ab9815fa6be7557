namespace StrongChain.Docs.Testing;

/// <summary>Where test assets live once copied next to the test assembly.</summary>
public static class TestAssets
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Assets");

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));
}
