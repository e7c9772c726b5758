namespace QuakeGrid.Core.Inference.Variogram;

/// <summary>Result of the weighted least-squares fit of γ(h) = 1 − exp(−3h/b).</summary>
/// <param name="RangeKm">Practical range b, km (correlation 0.05 at h = b).</param>
/// <param name="WeightedSse">Σ N_h (γ̂_h − γ(h))² at the optimum.</param>
public sealed record ExponentialVariogramFit(double RangeKm, double WeightedSse)
{
    /// <summary>Model semivariogram at distance <paramref name="hKm"/>.</summary>
    public double Gamma(double hKm) => 1 - Math.Exp(-3 * hKm / RangeKm);

    /// <summary>Fits b by minimising Σ N_h (γ̂_h − 1 + exp(−3 h̄/b))² (weights = pair counts; unit sill for scaled
    /// residuals), by golden-section search on ln b over [0.1, 10 000] km after a coarse grid scan.</summary>
    public static ExponentialVariogramFit Fit(IReadOnlyList<SemivariogramBin> bins)
    {
        if (bins.Count == 0) throw new ArgumentException("no semivariogram bins to fit", nameof(bins));
        double Sse(double lnB)
        {
            var b = Math.Exp(lnB);
            var s = 0.0;
            foreach (var bin in bins)
            {
                var r = bin.Gamma - (1 - Math.Exp(-3 * bin.MeanDistanceKm / b));
                s += bin.Pairs * r * r;
            }
            return s;
        }
        double lo = Math.Log(0.1), hi = Math.Log(1e4);
        // Coarse scan to bracket the global minimum, then golden section.
        const int grid = 200;
        var best = 0; var bestV = double.PositiveInfinity;
        for (var i = 0; i <= grid; i++)
        {
            var v = Sse(lo + (hi - lo) * i / grid);
            if (v < bestV) { bestV = v; best = i; }
        }
        var a = lo + (hi - lo) * Math.Max(0, best - 1) / grid;
        var c = lo + (hi - lo) * Math.Min(grid, best + 1) / grid;
        var phi = (Math.Sqrt(5) - 1) / 2;
        var x1 = c - phi * (c - a); var x2 = a + phi * (c - a);
        double f1 = Sse(x1), f2 = Sse(x2);
        for (var it = 0; it < 100 && c - a > 1e-10; it++)
        {
            if (f1 < f2) { c = x2; x2 = x1; f2 = f1; x1 = c - phi * (c - a); f1 = Sse(x1); }
            else { a = x1; x1 = x2; f1 = f2; x2 = a + phi * (c - a); f2 = Sse(x2); }
        }
        var lnB = 0.5 * (a + c);
        return new ExponentialVariogramFit(Math.Exp(lnB), Sse(lnB));
    }
}
