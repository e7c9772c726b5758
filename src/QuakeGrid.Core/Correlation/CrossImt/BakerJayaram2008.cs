using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation.CrossImt;

/// <summary>
/// Baker &amp; Jayaram (2008), "Correlation of spectral acceleration values from NGA ground motion models",
/// Earthquake Spectra 24(1):299–317, eqs. for C1–C4 (GMRotI50), used for the within-event cross-IMT correlation
/// as OpenQuake's <c>BakerJayaram2008</c>. PGA is T = 0 (the model's short-period limit treats T &lt; 0.109 s
/// through C2/C4). PGV is not covered by the model and is rejected.
/// </summary>
public sealed class BakerJayaram2008 : ICrossImtCorrelation
{
    public string Name => "BakerJayaram2008";

    public double Rho(Imt from, Imt to)
    {
        var t1 = Period(from);
        var t2 = Period(to);
        if (Math.Abs(t1 - t2) < 1e-10) return 1.0;
        var tMin = Math.Min(t1, t2);
        var tMax = Math.Max(t1, t2);
        var c1 = 1 - Math.Cos(Math.PI / 2 - 0.366 * Math.Log(tMax / Math.Max(tMin, 0.109)));
        var c2 = 0.0;
        if (tMax < 0.2) c2 = 1 - 0.105 * (1 - 1 / (1 + Math.Exp(100 * tMax - 5))) * (tMax - tMin) / (tMax - 0.0099);
        var c3 = tMax < 0.109 ? c2 : c1;
        var c4 = c1 + 0.5 * (Math.Sqrt(c3) - c3) * (1 + Math.Cos(Math.PI * tMin / 0.109));
        if (tMax < 0.109) return c2;
        if (tMin > 0.109) return c1;
        if (tMax < 0.2) return Math.Min(c2, c4);
        return c4;
    }

    private static double Period(Imt imt) => imt.Kind switch
    {
        ImtKind.Pga => 0.0,
        ImtKind.Sa => imt.Period,
        _ => throw new ArgumentException($"Baker & Jayaram (2008) covers PGA and SA only, not {imt}"),
    };
}
