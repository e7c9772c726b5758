using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Input;

/// <summary>
/// Parses a comma-separated IMT list such as <c>PGA,PGV,SA(0.2),SA(1.0)</c>. Commas inside parentheses do not split
/// (so a mistyped <c>SA(0,2)</c> is reported as one unknown IMT). Duplicates, including <c>SA(1)</c> next to
/// <c>SA(1.0)</c>, are an error.
/// </summary>
public static class ImtListParser
{
    public static IReadOnlyList<NamedImt> Parse(string text, string optionName = "--imts")
    {
        var tokens = Split(text);
        if (tokens.Count == 0)
            throw new QuakeGridInputException(optionName, null, null, "no intensity measure type given (e.g. PGA,SA(1.0))");
        var list = new List<NamedImt>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Length == 0)
                throw new QuakeGridInputException(optionName, null, null, $"empty entry in IMT list '{text}'");
            if (!Imt.TryParse(token, out var imt))
                throw new QuakeGridInputException(optionName, token, null, $"unknown intensity measure type '{token}' (expected PGA, PGV or SA(T) with T in seconds)");
            foreach (var prev in list)
                if (prev.Imt == imt)
                    throw new QuakeGridInputException(optionName, token, null, $"IMT '{token}' repeats '{prev.Label}'");
            list.Add(new NamedImt(imt, token));
        }
        return list;
    }

    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(') depth++;
            else if (c == ')') depth = Math.Max(0, depth - 1);
            else if (c == ',' && depth == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        var last = text[start..].Trim();
        if (last.Length > 0 || parts.Count > 0) parts.Add(last);
        return parts;
    }
}
