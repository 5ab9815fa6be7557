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
            // Written aside, then moved in without overwriting: an instance starting at the same time never reads a half-written
            // key, and the first key moved in wins for both.
            var aside = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(aside, fresh);
            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(aside);
            }
        }

        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())) { KeyId = "dev" };
    }
}
