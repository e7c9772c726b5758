using System.Globalization;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// ShakeMap amplitude names and units: <c>pga</c>/<c>acc</c> → PGA, <c>pgv</c>/<c>vel</c> → PGV,
/// <c>sa(T)</c>, <c>psaNN</c> (NN = period × 10: psa03 = 0.3 s, psa10 = 1.0 s, psa30 = 3.0 s) and <c>psa0p3</c> → SA(T).
/// Units %g (÷100 → g), g, cm/s, m/s (×100 → cm/s). A channel is vertical when its name ends in Z; ShakeMap uses the
/// greater of the horizontal components.
/// </summary>
internal static class ShakeMapAmplitude
{
    public static bool TryParseName(string name, out Imt imt)
    {
        imt = default;
        var n = name.Trim().ToLowerInvariant();
        switch (n)
        {
            case "pga" or "acc": imt = Imt.Pga; return true;
            case "pgv" or "vel": imt = Imt.Pgv; return true;
        }
        if (n.StartsWith("sa(", StringComparison.Ordinal)) return Imt.TryParse(n.ToUpperInvariant(), out imt);
        if (n.StartsWith("psa", StringComparison.Ordinal) && n.Length > 3)
        {
            var d = n[3..];
            double t;
            if (d.Contains('p')) { if (!double.TryParse(d.Replace('p', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out t)) return false; }
            else
            {
                if (!d.All(char.IsDigit)) return false;
                t = int.Parse(d, CultureInfo.InvariantCulture) / 10.0;
            }
            if (!(t > 0)) return false;
            imt = Imt.Sa(t);
            return true;
        }
        return false;
    }

    /// <summary>Factor from <paramref name="units"/> to QuakeGrid units for <paramref name="imt"/>; false when the unit does not fit.</summary>
    public static bool TryUnitFactor(Imt imt, string? units, out double factor)
    {
        var u = (units ?? "").Trim().ToLowerInvariant();
        factor = 1.0;
        if (imt.Kind == ImtKind.Pgv)
        {
            if (u is "cm/s" or "cms" or "cm/sec") return true;
            if (u is "m/s") { factor = 100.0; return true; }
            return false;
        }
        if (u is "%g" or "pctg") { factor = 0.01; return true; }
        if (u is "g") return true;
        return false;
    }

    public static bool IsVertical(string channel)
    {
        var c = channel.Trim();
        return c.Length > 0 && (c[^1] == 'Z' || c[^1] == 'z');
    }

    public static bool IsGoodFlag(string? flag) => string.IsNullOrWhiteSpace(flag) || flag.Trim() == "0";
}
