using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StrongChain.Docs.Storage;

/// <summary>JSON as the API writes it (camelCase, enums as camelCase strings), so stored records read back unchanged.</summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Chinese stays readable in the database and the audit trail.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
