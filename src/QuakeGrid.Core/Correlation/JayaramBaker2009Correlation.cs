using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Jayaram &amp; Baker (2009), "Correlation model for spatially distributed ground-motion intensities",
/// EESD 38:1687–1708, eq. 20: rho(h) = exp(−3h/b), with the range b (km) of eqs. 17–19:
/// T &lt; 1 s: b = 8.5 + 17.2T (case 1, no Vs30 clustering) or b = 40.7 − 15.0T (case 2, clustered Vs30);
/// T ≥ 1 s: b = 22.0 + 3.7T. PGA uses T = 0 and PGV T = 1 s, as OpenQuake's <c>JB2009CorrelationModel</c>;
/// h is the great-circle distance by default, as OpenQuake.
/// </summary>
public sealed class JayaramBaker2009Correlation : IsotropicCorrelation
{
    public JayaramBaker2009Correlation(Imt imt, bool vs30Clustering, DistanceMetric metric = DistanceMetric.Geodesic) : base(metric)
    {
        Imt = imt;
        Vs30Clustering = vs30Clustering;
        RangeKm = Range(imt, vs30Clustering);
    }

    public Imt Imt { get; }
    public bool Vs30Clustering { get; }

    /// <summary>The range b, km.</summary>
    public double RangeKm { get; }

    public override string Name => Vs30Clustering ? "JB2009:vs30-clustering" : "JB2009";

    /// <summary>b(T) of eqs. 17–19, km.</summary>
    public static double Range(Imt imt, bool vs30Clustering)
    {
        var t = imt.Kind switch
        {
            ImtKind.Pga => 0.0,
            ImtKind.Pgv => 1.0,
            _ => imt.Period,
        };
        if (t < 1.0) return vs30Clustering ? 40.7 - 15.0 * t : 8.5 + 17.2 * t;
        return 22.0 + 3.7 * t;
    }

    public override double RhoOfDistance(double h) => Math.Exp(-3.0 * h / RangeKm);

    /// <summary>SIMD <see cref="RhoOfDistance"/> over a span (same arithmetic; exponential within 1 ulp).</summary>
    public override void RhoOfDistances(ReadOnlySpan<double> h, Span<double> rho) => FillExponential(h, -3.0, RangeKm, rho);

    public override double RangeForCorrelation(double rho)
    {
        if (!(rho > 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in (0, 1)");
        return -RangeKm / 3.0 * Math.Log(rho);
    }
}
