using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// Batched <see cref="RhoOfDistance"/>: <c>rho[k] = rho(h[k])</c> for separations <paramref name="h"/> (km);
    /// <paramref name="rho"/> may be the same span as <paramref name="h"/>. This base version loops over
    /// <see cref="RhoOfDistance"/>; exponential kernels override it with a SIMD exponential (results within a few ulp of
    /// the scalar kernel). Must not allocate.
    /// </summary>
    public virtual void RhoOfDistances(ReadOnlySpan<double> h, Span<double> rho)
    {
        if (rho.Length < h.Length) throw new ArgumentException("output span shorter than distance span", nameof(rho));
        for (var k = 0; k < h.Length; k++) rho[k] = RhoOfDistance(h[k]);
    }

    /// <summary>
    /// <c>rho[k] = exp(factor·h[k] / divisor)</c> with Vector256 arithmetic (<see cref="Vector256.Exp(Vector256{double})"/>,
    /// within 1 ulp of <see cref="Math.Exp"/>) and a scalar tail: the same operations, in the same order, as a scalar
    /// kernel written <c>Math.Exp(factor * h / divisor)</c>.
    /// </summary>
    protected static void FillExponential(ReadOnlySpan<double> h, double factor, double divisor, Span<double> rho)
    {
        if (rho.Length < h.Length) throw new ArgumentException("output span shorter than distance span", nameof(rho));
        var n = h.Length;
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var rh = ref MemoryMarshal.GetReference(h);
            ref var rr = ref MemoryMarshal.GetReference(rho);
            var vf = Vector256.Create(factor);
            var vd = Vector256.Create(divisor);
            for (; k + 4 <= n; k += 4)
                Vector256.Exp(vf * Vector256.LoadUnsafe(ref rh, (nuint)k) / vd).StoreUnsafe(ref rr, (nuint)k);
        }
        for (; k < n; k++) rho[k] = Math.Exp(factor * h[k] / divisor);
    }

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
