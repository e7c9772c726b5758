using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Minimal INI reader with Python <c>configparser</c> semantics as OpenQuake uses them: <c>[section]</c> headers,
/// <c>key = value</c> (or <c>key: value</c>), full-line <c>#</c>/<c>;</c> comments, and continuation lines (indented
/// lines extend the previous value). Section names are not significant to OpenQuake, so keys are flattened;
/// a key repeated in the file is an error naming both lines.
/// </summary>
internal static class IniFile
{
    public sealed record Entry(string Value, int Line);

    public static Dictionary<string, Entry> Read(string path)
    {
        if (!File.Exists(path)) throw new QuakeGridInputException(path, null, null, "file not found");
        var result = new Dictionary<string, Entry>(StringComparer.Ordinal);
        string? lastKey = null;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var lineNo = i + 1;
            var trimmed = raw.Trim();
            if (trimmed.Length == 0) continue;
            if (trimmed.StartsWith('#') || trimmed.StartsWith(';')) continue;
            if (char.IsWhiteSpace(raw[0]) && lastKey is not null)
            {
                var prev = result[lastKey];
                result[lastKey] = prev with { Value = (prev.Value + " " + trimmed).Trim() };
                continue;
            }
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']')) { lastKey = null; continue; }
            var eq = trimmed.IndexOfAny(['=', ':']);
            if (eq <= 0) throw new QuakeGridInputException(path, $"line {lineNo}", null, $"expected 'key = value', got '{trimmed}'");
            var key = trimmed[..eq].Trim().ToLowerInvariant();
            var value = trimmed[(eq + 1)..].Trim();
            if (result.TryGetValue(key, out var existing))
                throw new QuakeGridInputException(path, $"line {lineNo}", key, $"key repeated (first on line {existing.Line})");
            result[key] = new Entry(value, lineNo);
            lastKey = key;
        }
        return result;
    }
}
