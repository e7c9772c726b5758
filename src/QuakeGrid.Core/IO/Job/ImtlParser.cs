using System.Globalization;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Parses OpenQuake's <c>intensity_measure_types_and_levels</c>: a Python/JSON dict whose values are lists of levels
/// or <c>logscale(a, b, n)</c> (n levels equally spaced in ln between a and b) or <c>linscale(a, b, n)</c>.
/// Levels must be positive and strictly increasing.
/// </summary>
internal static class ImtlParser
{
    public static IReadOnlyList<ImtLevels> Parse(string text, string path, string key)
    {
        var s = text.Trim();
        if (!s.StartsWith('{') || !s.EndsWith('}')) throw Error(path, key, $"expected a dict {{\"IMT\": [levels], ...}}, got '{Short(s)}'");
        var pos = 1;
        var result = new List<ImtLevels>();
        var seen = new HashSet<Imt>();
        while (true)
        {
            SkipWs(s, ref pos);
            if (s[pos] == '}') break;
            var name = ReadQuoted(s, ref pos, path, key);
            if (!Imt.TryParse(name, out var imt)) throw Error(path, key, $"unknown intensity measure type '{name}'");
            if (!seen.Add(imt)) throw Error(path, key, $"IMT '{name}' given twice");
            SkipWs(s, ref pos);
            Expect(s, ref pos, ':', path, key);
            SkipWs(s, ref pos);
            double[] levels;
            if (s[pos] == '[')
            {
                var end = s.IndexOf(']', pos);
                if (end < 0) throw Error(path, key, $"unclosed '[' after '{name}'");
                levels = Numbers(s[(pos + 1)..end], path, key, name);
                pos = end + 1;
            }
            else
            {
                var open = s.IndexOf('(', pos);
                var close = open < 0 ? -1 : s.IndexOf(')', open);
                if (open < 0 || close < 0) throw Error(path, key, $"levels of '{name}' must be a list or logscale(a, b, n)");
                var fn = s[pos..open].Trim();
                var args = Numbers(s[(open + 1)..close], path, key, name);
                if (args.Length != 3 || args[2] < 2 || args[2] != Math.Floor(args[2])) throw Error(path, key, $"{fn} of '{name}' needs (min, max, count>=2)");
                var n = (int)args[2];
                levels = new double[n];
                if (fn == "logscale")
                {
                    if (!(args[0] > 0 && args[1] > args[0])) throw Error(path, key, $"logscale of '{name}' needs 0 < min < max");
                    double la = Math.Log(args[0]), lb = Math.Log(args[1]);
                    for (var i = 0; i < n; i++) levels[i] = Math.Exp(la + (lb - la) * i / (n - 1));
                }
                else if (fn == "linscale")
                {
                    for (var i = 0; i < n; i++) levels[i] = args[0] + (args[1] - args[0]) * i / (n - 1);
                }
                else throw Error(path, key, $"unknown level function '{fn}' for '{name}' (expected logscale or linscale)");
                pos = close + 1;
            }
            if (levels.Length == 0) throw Error(path, key, $"IMT '{name}' has no levels");
            for (var i = 0; i < levels.Length; i++)
            {
                if (!(levels[i] > 0)) throw Error(path, key, $"level {levels[i]} of '{name}' must be positive");
                if (i > 0 && !(levels[i] > levels[i - 1])) throw Error(path, key, $"levels of '{name}' must be strictly increasing");
            }
            result.Add(new ImtLevels(imt, levels));
            SkipWs(s, ref pos);
            if (s[pos] == ',') { pos++; continue; }
            if (s[pos] == '}') break;
            throw Error(path, key, $"unexpected '{s[pos]}' at position {pos}");
        }
        if (result.Count == 0) throw Error(path, key, "no IMT given");
        return result;
    }

    private static double[] Numbers(string list, string path, string key, string imt)
    {
        var parts = list.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var r = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || !double.IsFinite(r[i]))
                throw Error(path, key, $"'{parts[i]}' in the levels of '{imt}' is not a number");
        return r;
    }

    private static string ReadQuoted(string s, ref int pos, string path, string key)
    {
        var q = s[pos];
        if (q != '"' && q != '\'') throw Error(path, key, $"expected a quoted IMT name at position {pos}");
        var end = s.IndexOf(q, pos + 1);
        if (end < 0) throw Error(path, key, "unclosed quote");
        var name = s[(pos + 1)..end];
        pos = end + 1;
        return name;
    }

    private static void Expect(string s, ref int pos, char c, string path, string key)
    {
        if (pos >= s.Length || s[pos] != c) throw Error(path, key, $"expected '{c}' at position {pos}");
        pos++;
    }

    private static void SkipWs(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
        if (pos >= s.Length) pos = s.Length - 1;
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + "..." : s;

    private static QuakeGridInputException Error(string path, string key, string problem) => new(path, null, key, problem);
}
