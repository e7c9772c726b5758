using System.Globalization;

namespace QuakeGrid.Core.Imts;

/// <summary>
/// An intensity measure type spelled as OpenQuake spells it: <c>PGA</c>, <c>PGV</c>, <c>SA(1.0)</c>.
/// <c>SA(1)</c> parses to the same IMT as <c>SA(1.0)</c>. Period is in seconds (0 for PGA/PGV).
/// </summary>
public readonly record struct Imt(ImtKind Kind, double Period)
{
    public static Imt Pga => new(ImtKind.Pga, 0.0);
    public static Imt Pgv => new(ImtKind.Pgv, 0.0);
    public static Imt Sa(double period) => new(ImtKind.Sa, period);

    /// <summary>Parses an OpenQuake IMT string; throws <see cref="FormatException"/> naming the text on failure.</summary>
    public static Imt Parse(string text)
    {
        if (TryParse(text, out var imt)) return imt;
        throw new FormatException($"unknown intensity measure type '{text}' (expected PGA, PGV or SA(T) with T in seconds)");
    }

    public static bool TryParse(string? text, out Imt imt)
    {
        imt = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Equals("PGA", StringComparison.OrdinalIgnoreCase)) { imt = Pga; return true; }
        if (t.Equals("PGV", StringComparison.OrdinalIgnoreCase)) { imt = Pgv; return true; }
        if (t.Length > 4 && t.StartsWith("SA(", StringComparison.OrdinalIgnoreCase) && t.EndsWith(')'))
        {
            var inner = t[3..^1];
            if (double.TryParse(inner, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p > 0 && double.IsFinite(p))
            {
                imt = Sa(p);
                return true;
            }
        }
        return false;
    }

    /// <summary>Canonical OpenQuake spelling, e.g. <c>SA(1.0)</c>, <c>SA(0.2)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ImtKind.Pga => "PGA",
        ImtKind.Pgv => "PGV",
        _ => "SA(" + FormatPeriod(Period) + ")",
    };

    private static string FormatPeriod(double p)
    {
        var s = p.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
