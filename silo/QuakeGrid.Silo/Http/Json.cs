using System.Text.Json;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>Typed reads of JSON request fields; a wrong type names the source and the field path.</summary>
public static class Json
{
    /// <summary>A required object or array member.</summary>
    public static JsonElement Required(JsonElement e, string name, string source, string path)
        => TryGet(e, name, out var v) ? v : throw new QuakeGridInputException(source, null, Path(path, name), "missing");

    /// <summary>Member <paramref name="name"/> when present and not null.</summary>
    public static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        if (e.ValueKind != JsonValueKind.Object) return false;
        foreach (var p in e.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.Null) { value = p.Value; return true; }
        return false;
    }

    /// <summary>A number member; NaN when absent (the grains report missing values by field), an error when not a number.</summary>
    public static double Number(JsonElement e, string name, string source, string path)
    {
        if (!TryGet(e, name, out var v)) return double.NaN;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
            throw new QuakeGridInputException(source, null, Path(path, name), $"{v.GetRawText()} is not a finite number");
        return d;
    }

    /// <summary>A required number member.</summary>
    public static double RequiredNumber(JsonElement e, string name, string source, string path)
    {
        var d = Number(e, name, source, path);
        return double.IsNaN(d) ? throw new QuakeGridInputException(source, null, Path(path, name), "missing") : d;
    }

    /// <summary>A string member, or null when absent.</summary>
    public static string? Text(JsonElement e, string name, string source, string path)
    {
        if (!TryGet(e, name, out var v)) return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new QuakeGridInputException(source, null, Path(path, name), $"{v.GetRawText()} is not a string");
    }

    /// <summary>An array member.</summary>
    public static JsonElement Array(JsonElement e, string name, string source, string path)
    {
        var v = Required(e, name, source, path);
        return v.ValueKind == JsonValueKind.Array ? v : throw new QuakeGridInputException(source, null, Path(path, name), "must be an array");
    }

    /// <summary>Rejects members of <paramref name="e"/> outside <paramref name="allowed"/> (case-insensitive), so a misspelt field is never ignored.</summary>
    public static void OnlyMembers(JsonElement e, string source, string path, params string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object) return;
        foreach (var p in e.EnumerateObject())
            if (!allowed.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                throw new QuakeGridInputException(source, null, Path(path, p.Name), $"unknown field (expected {string.Join(", ", allowed)})");
    }

    /// <summary>Joins a JSON path and a member name.</summary>
    public static string Path(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
