namespace StrongChain.Docs.Documents.Tests.Support;

/// <summary>Processes seen through /proc (the renderer's tests run where the service does: Linux).</summary>
public static class LiveProcesses
{
    /// <summary>Live (not zombie) processes whose command line contains <paramref name="text"/>, with that command line.</summary>
    public static List<(int Pid, string CommandLine)> Mentioning(string text)
    {
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal) && !IsZombie(pid))
                {
                    found.Add((pid, commandLine));
                }
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }

    /// <summary>Waits (5 s at most) until no live process mentions <paramref name="text"/>; returns those still there.</summary>
    public static async Task<List<(int Pid, string CommandLine)>> AwaitNoneMentioningAsync(string text)
    {
        for (var i = 0; i < 50 && Mentioning(text).Count > 0; i++)
        {
            await Task.Delay(100);
        }

        return Mentioning(text);
    }

    /// <summary>Gone, or a zombie waiting to be reaped (it runs no more), within 5 s.</summary>
    public static async Task<bool> IsGoneAsync(int pid)
    {
        for (var i = 0; i < 50; i++)
        {
            if (!File.Exists($"/proc/{pid}/stat") || IsZombie(pid))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
