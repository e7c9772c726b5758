using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation.CrossImt;

/// <summary>
/// Goda &amp; Atkinson (2009), "Probabilistic characterization of spatially correlated response spectra for earthquakes
/// in Japan", BSSA 99(5):3003–3020, between-event cross-period correlation (eq. 7, theta1 = 1.374, theta2 = 5.586,
/// theta3 = 0.728), as OpenQuake's <c>GodaAtkinson2009</c>: with Tmin ≤ Tmax and I = 1 when Tmin &lt; 0.25 s,
/// rho = [1 − cos(π/2 − (θ1 + θ2·I·(Tmin/Tmax)^θ3·log10(Tmin/0.25))·log10(Tmax/Tmin)) + 1 + cos(−1.5·log10(Tmax/Tmin))]/3.
/// PGA is T = 0.05 s. PGV is not covered and is rejected.
/// </summary>
public sealed class GodaAtkinson2009 : ICrossImtCorrelation
{
    public string Name => "GodaAtkinson2009";

    public double Rho(Imt from, Imt to)
    {
        var t1 = Period(from);
        var t2 = Period(to);
        if (from == to || t1 == t2) return 1.0;
        var tMin = Math.Min(t1, t2);
        var tMax = Math.Max(t1, t2);
        var iMin = tMin < 0.25 ? 1.0 : 0.0;
        const double theta1 = 1.374, theta2 = 5.586, theta3 = 0.728;
        var angle = Math.PI / 2 - (theta1 + theta2 * iMin * Math.Pow(tMin / tMax, theta3) * Math.Log10(tMin / 0.25)) * Math.Log10(tMax / tMin);
        var delta = 1 + Math.Cos(-1.5 * Math.Log10(tMax / tMin));
        return (1 - Math.Cos(angle) + delta) / 3.0;
    }

    private static double Period(Imt imt) => imt.Kind switch
    {
        ImtKind.Pga => 0.05,
        ImtKind.Sa => imt.Period,
        _ => throw new ArgumentException($"Goda & Atkinson (2009) covers PGA and SA only, not {imt}"),
    };
}
