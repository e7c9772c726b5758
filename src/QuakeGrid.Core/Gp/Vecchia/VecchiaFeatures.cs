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

    /// <summary>
    /// Feature coordinates for <see cref="NeighbourRule.Mixed"/>, in km: planar X, Y, then Vs30·<paramref name="vs30Scale"/>
    /// (km per m/s) when the kernel has a Vs30 term (Bodenmann EAS), then the epicentral-azimuth unit vector times
    /// <paramref name="azimuthScale"/> (km) when it has an azimuth term (EA, EAS). Max-min order and candidate search in
    /// this space spread the first sites over location, Vs30 and azimuth, and offer each site earlier sites that are near
    /// it in all three. Isotropic kernels get planar X/Y.
    /// </summary>
    public static double[][] ForMixedRule(CorrelationSites sites, ISpatialCorrelation kernel, double vs30Scale, double azimuthScale)
    {
        if (kernel is not BodenmannCorrelation b || b.Variant == BodenmannVariant.E) return [sites.X, sites.Y];
        var n = sites.Count;
        if (sites.EpiAzimuth.Length != n) throw new ArgumentException($"kernel {b.Name} needs the epicentral azimuth of every site");
        var list = new List<double[]> { sites.X, sites.Y };
        if (b.Variant == BodenmannVariant.EAS)
        {
            if (sites.Vs30.Length != n) throw new ArgumentException($"kernel {b.Name} needs the Vs30 of every site");
            var s = new double[n];
            for (var i = 0; i < n; i++) s[i] = sites.Vs30[i] * vs30Scale;
            list.Add(s);
        }
        if (azimuthScale > 0)
        {
            var ax = new double[n];
            var ay = new double[n];
            for (var i = 0; i < n; i++)
            {
                var t = sites.EpiAzimuth[i] * Math.PI / 180.0;
                ax[i] = azimuthScale * Math.Sin(t);
                ay[i] = azimuthScale * Math.Cos(t);
            }
            list.Add(ax);
            list.Add(ay);
        }
        return [.. list];
    }
}
