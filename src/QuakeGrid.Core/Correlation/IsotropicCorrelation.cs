namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Base of stationary isotropic kernels rho(h) that depend only on the separation h (km) measured by <see cref="Metric"/>.
/// </summary>
public abstract class IsotropicCorrelation : ISpatialCorrelation
{
    protected IsotropicCorrelation(DistanceMetric metric) => Metric = metric;

    /// <summary>How h is measured.</summary>
    public DistanceMetric Metric { get; }

    public abstract string Name { get; }

    /// <summary>rho(h) for separation <paramref name="h"/> ≥ 0, km.</summary>
    public abstract double RhoOfDistance(double h);

    public double Rho(CorrelationSites a, int i, CorrelationSites b, int j) => RhoOfDistance(SiteDistance.Between(Metric, a, i, b, j));

    public virtual void Row(CorrelationSites a, int i, CorrelationSites b, ReadOnlySpan<int> js, Span<double> into)
    {
        SiteDistance.Row(Metric, a, i, b, js, into);
        for (var k = 0; k < js.Length; k++) into[k] = RhoOfDistance(into[k]);
    }

    /// <summary>Smallest h with rho(h) ≤ <paramref name="rho"/>, by bisection on the monotone kernel (override with a closed form where one exists).</summary>
    public virtual double RangeForCorrelation(double rho)
    {
        if (!(rho > 0 && rho < 1)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "rho must lie in (0, 1)");
        double lo = 0, hi = 1;
        while (RhoOfDistance(hi) > rho)
        {
            hi *= 2;
            if (hi > 1e7) return double.PositiveInfinity;
        }
        for (var it = 0; it < 200 && hi - lo > 1e-9 * hi; it++)
        {
            var mid = 0.5 * (lo + hi);
            if (RhoOfDistance(mid) > rho) lo = mid; else hi = mid;
        }
        return hi;
    }
}
