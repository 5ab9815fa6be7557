using System.Runtime.CompilerServices;

namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>Golden text files beside the test that uses them, in a <c>golden</c> folder; rewritten only on request.</summary>
public static class Golden
{
    /// <summary>Set to 1 to rewrite the golden text files from the current builders (then review the diff and commit).</summary>
    public const string UpdateVariable = "STRONGCHAIN_UPDATE_GOLDEN";

    public static void AssertText(string name, string actual, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "golden", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests with {UpdateVariable}=1 once, review and commit it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
