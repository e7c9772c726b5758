using System.Globalization;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Correlation;

/// <summary>
/// Hyperparameters of the Bodenmann et al. (2023) kernels: l_E (km), gamma_E, l_A (degrees, 0 &lt; l_A ≤ 45),
/// l_S (m/s) and w ∈ [0, 1]. Unused parameters of a variant are NaN.
/// </summary>
public readonly record struct BodenmannParameters(double LE, double GammaE, double LA, double LS, double W)
{
    /// <summary>
    /// Posterior means of the pooled NGA-West2 fits, Bodenmann, Baker &amp; Stojadinović (2023), NHESS 23:2387,
    /// as published in results/PosteriorParameters/mean_quantiles_all_periods.csv of github.com/bodlukas/ground-motion-correlation-bayes
    /// (Apache-2.0). Keyed by period in s; T = 0.01 s stands for PGA.
    /// </summary>
    private static readonly (double T, BodenmannVariant V, BodenmannParameters P)[] PosteriorMeans =
    [
        (0.01, BodenmannVariant.E, new(10.5, 0.43, double.NaN, double.NaN, double.NaN)),
        (0.01, BodenmannVariant.EA, new(13.1, 0.35, 27.3, double.NaN, double.NaN)),
        (0.01, BodenmannVariant.EAS, new(16.4, 0.36, 24.9, 171.2, 0.84)),
        (0.03, BodenmannVariant.E, new(10.8, 0.43, double.NaN, double.NaN, double.NaN)),
        (0.03, BodenmannVariant.EA, new(13.5, 0.35, 28.2, double.NaN, double.NaN)),
        (0.03, BodenmannVariant.EAS, new(16.9, 0.36, 25.6, 185.6, 0.84)),
        (0.06, BodenmannVariant.E, new(10.4, 0.43, double.NaN, double.NaN, double.NaN)),
        (0.06, BodenmannVariant.EA, new(13.2, 0.34, 26.8, double.NaN, double.NaN)),
        (0.06, BodenmannVariant.EAS, new(16.6, 0.35, 24.4, 190.2, 0.84)),
        (0.1, BodenmannVariant.E, new(10.7, 0.42, double.NaN, double.NaN, double.NaN)),
        (0.1, BodenmannVariant.EA, new(13.8, 0.33, 24.8, double.NaN, double.NaN)),
        (0.1, BodenmannVariant.EAS, new(16.3, 0.34, 23.3, 189.8, 0.88)),
        (0.3, BodenmannVariant.E, new(10.3, 0.39, double.NaN, double.NaN, double.NaN)),
        (0.3, BodenmannVariant.EA, new(12.4, 0.33, 28.8, double.NaN, double.NaN)),
        (0.3, BodenmannVariant.EAS, new(15.1, 0.34, 26.1, 199.9, 0.85)),
        (0.6, BodenmannVariant.E, new(14.9, 0.39, double.NaN, double.NaN, double.NaN)),
        (0.6, BodenmannVariant.EA, new(19.1, 0.33, 27.6, double.NaN, double.NaN)),
        (0.6, BodenmannVariant.EAS, new(25.6, 0.37, 24.2, 222.8, 0.73)),
        (1.0, BodenmannVariant.E, new(16.0, 0.4, double.NaN, double.NaN, double.NaN)),
        (1.0, BodenmannVariant.EA, new(21.3, 0.35, 23.6, double.NaN, double.NaN)),
        (1.0, BodenmannVariant.EAS, new(29.8, 0.41, 20.5, 169.2, 0.7)),
        (3.0, BodenmannVariant.E, new(21.4, 0.44, double.NaN, double.NaN, double.NaN)),
        (3.0, BodenmannVariant.EA, new(29.0, 0.38, 25.1, double.NaN, double.NaN)),
        (3.0, BodenmannVariant.EAS, new(42.1, 0.46, 18.5, 358.0, 0.5)),
        (6.0, BodenmannVariant.E, new(37.3, 0.45, double.NaN, double.NaN, double.NaN)),
        (6.0, BodenmannVariant.EA, new(54.8, 0.39, 26.2, double.NaN, double.NaN)),
        (6.0, BodenmannVariant.EAS, new(70.2, 0.49, 17.3, 372.2, 0.54)),
    ];

    /// <summary>
    /// The published posterior means for <paramref name="variant"/> at <paramref name="imt"/> (PGA, or SA at 0.01, 0.03, 0.06,
    /// 0.1, 0.3, 0.6, 1, 3 or 6 s); false for other IMTs (no interpolation is made: pass parameters explicitly).
    /// </summary>
    public static bool TryPosteriorMean(BodenmannVariant variant, Imt imt, out BodenmannParameters p)
    {
        p = default;
        double t;
        if (imt.Kind == ImtKind.Pga) t = 0.01;
        else if (imt.Kind == ImtKind.Sa) t = imt.Period;
        else return false;
        foreach (var row in PosteriorMeans)
        {
            if (row.V == variant && Math.Abs(row.T - t) < 1e-9)
            {
                p = row.P;
                return true;
            }
        }
        return false;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the parameter when a value needed by <paramref name="variant"/> is out of its domain.</summary>
    public void Validate(BodenmannVariant variant)
    {
        if (!(LE > 0) || double.IsInfinity(LE)) throw new ArgumentException($"Bodenmann {variant}: lE = {Fmt(LE)} must be a positive length in km");
        if (!(GammaE > 0 && GammaE <= 2)) throw new ArgumentException($"Bodenmann {variant}: gammaE = {Fmt(GammaE)} must lie in (0, 2]");
        if (variant == BodenmannVariant.E) return;
        if (!(LA > 0 && LA <= 45)) throw new ArgumentException($"Bodenmann {variant}: lA = {Fmt(LA)} must lie in (0, 45] degrees");
        if (variant == BodenmannVariant.EA) return;
        if (!(LS > 0) || double.IsInfinity(LS)) throw new ArgumentException($"Bodenmann {variant}: lS = {Fmt(LS)} must be a positive Vs30 difference in m/s");
        if (!(W >= 0 && W <= 1)) throw new ArgumentException($"Bodenmann {variant}: w = {Fmt(W)} must lie in [0, 1]");
    }

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
