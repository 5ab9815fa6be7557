namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>Shell scripts that stand in for soffice or the resident helper, to make them hang, fail or lie.</summary>
public static class StandIns
{
    /// <summary>Writes <c>folder/name.sh</c> (<c>#!/bin/sh</c> and <paramref name="body"/>), executable; returns its path.</summary>
    public static string Script(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name + ".sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        // The stand-ins are shell scripts: these tests run where the service does (Linux).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
