using QuakeGrid.Core.Correlation;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// Coordinates in which the Vecchia ordering and neighbour search run. For isotropic kernels: planar X/Y (km).
/// For the Bodenmann kernels the correlation also falls with the azimuth difference and the Vs30 difference, so nearby
/// sites can be weakly correlated and distant ones strongly; the search then runs in a scaled feature space
/// ("scaled Vecchia", Katzfuss, Guinness &amp; Lawrence 2022): (x/l_E, y/l_E) plus, for EA/EAS, the epicentral-azimuth
/// unit vector scaled by 180/(π·l_A) (chord ≈ angle/l_A), and for EAS Vs30/l_S.
/// </summary>
public static class VecchiaFeatures
{
    public static double[][] For(CorrelationSites sites, ISpatialCorrelation kernel)
    {
        if (kernel is not BodenmannCorrelation b) return [sites.X, sites.Y];
        var n = sites.Count;
        var p = b.Parameters;
        var fx = new double[n];
        var fy = new double[n];
        for (var i = 0; i < n; i++) { fx[i] = sites.X[i] / p.LE; fy[i] = sites.Y[i] / p.LE; }
        if (b.Variant == BodenmannVariant.E) return [fx, fy];
        if (sites.EpiAzimuth.Length != n) throw new ArgumentException($"kernel {b.Name} needs the epicentral azimuth of every site");
        var c = 180.0 / (Math.PI * p.LA);
        var ax = new double[n];
        var ay = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = sites.EpiAzimuth[i] * Math.PI / 180.0;
            ax[i] = c * Math.Sin(t);
            ay[i] = c * Math.Cos(t);
        }
        if (b.Variant == BodenmannVariant.EA) return [fx, fy, ax, ay];
        var s = new double[n];
        for (var i = 0; i < n; i++) s[i] = sites.Vs30[i] / p.LS;
        return [fx, fy, ax, ay, s];
    }
}
