using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace StrongChain.Docs.Api.Identity;

/// <summary>The HMAC key of Development tokens: from configuration, else generated once and kept in the data folder.</summary>
public static class DevSigningKey
{
    public const string FileName = "dev-signing-key";

    public static SymmetricSecurityKey Load(IdentitySettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DevSigningKey is { } configured)
        {
            return new SymmetricSecurityKey(Convert.FromBase64String(configured)) { KeyId = "dev" };
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                // CreateNew: when two instances start together, the first key written wins and both read it.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())) { KeyId = "dev" };
    }
}
