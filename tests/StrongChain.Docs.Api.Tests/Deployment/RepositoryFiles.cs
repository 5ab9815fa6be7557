namespace StrongChain.Docs.Api.Tests.Deployment;

/// <summary>Files of the repository the tests run from (found by walking up to the solution file).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "StrongChain.Docs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("StrongChain.Docs.sln not found above " + AppContext.BaseDirectory);
    }
}
