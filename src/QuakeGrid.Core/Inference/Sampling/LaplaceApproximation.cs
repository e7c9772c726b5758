using QuakeGrid.Core.Inference.Likelihood;

namespace QuakeGrid.Core.Inference.Sampling;

/// <summary>
/// Gaussian (Laplace) approximation of a log-density around a point: covariance Σ = (−H)⁻¹ with the Hessian H from
/// central differences of the analytic gradient, H_ij ≈ (∂_i ℓ(x + h e_j) − ∂_i ℓ(x − h e_j)) / 2h, symmetrised
/// (2d gradient evaluations). Used to start NUTS warm-up with a metric already on the posterior's scale
/// (Stan starts from the unit metric; with well-identified parameters the first windows then run deep trees).
/// </summary>
internal static class LaplaceApproximation
{
    /// <summary>Finite-difference step in unconstrained units.</summary>
    public const double Step = 1e-4;

    /// <summary>
    /// Σ = (−H)⁻¹ at <paramref name="centre"/> (row-major d×d), or null when the log-density or a gradient is not
    /// finite there or −H is not positive definite (the centre is not near a mode).
    /// </summary>
    public static double[]? Covariance(ILogDensity target, ReadOnlySpan<double> centre)
    {
        var d = target.Dimension;
        var x = centre.ToArray();
        var gp = new double[d];
        var gm = new double[d];
        var negH = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            x[j] = centre[j] + Step;
            var lp = target.Evaluate(x, gp);
            x[j] = centre[j] - Step;
            var lm = target.Evaluate(x, gm);
            x[j] = centre[j];
            if (!double.IsFinite(lp) || !double.IsFinite(lm)) return null;
            for (var i = 0; i < d; i++) negH[i * d + j] = -(gp[i] - gm[i]) / (2 * Step);
        }
        for (var i = 0; i < d; i++)
        for (var j = 0; j < i; j++)
        {
            var s = 0.5 * (negH[i * d + j] + negH[j * d + i]);
            negH[i * d + j] = s; negH[j * d + i] = s;
        }
        return InvertSpd(negH, d);
    }

    /// <summary>Inverse of a small symmetric positive-definite matrix by Cholesky; null if it is not positive definite.</summary>
    private static double[]? InvertSpd(double[] a, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        for (var j = 0; j <= i; j++)
        {
            var s = a[i * d + j];
            for (var k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
            if (i == j)
            {
                if (!(s > 0) || !double.IsFinite(s)) return null;
                l[i * d + i] = Math.Sqrt(s);
            }
            else l[i * d + j] = s / l[j * d + j];
        }
        var inv = new double[d * d];
        var col = new double[d];
        for (var c = 0; c < d; c++)
        {
            // Solve L y = e_c, then Lᵀ x = y.
            for (var i = 0; i < d; i++)
            {
                var s = i == c ? 1.0 : 0.0;
                for (var k = 0; k < i; k++) s -= l[i * d + k] * col[k];
                col[i] = s / l[i * d + i];
            }
            for (var i = d - 1; i >= 0; i--)
            {
                var s = col[i];
                for (var k = i + 1; k < d; k++) s -= l[k * d + i] * col[k];
                col[i] = s / l[i * d + i];
            }
            for (var i = 0; i < d; i++) inv[i * d + c] = col[i];
        }
        for (var i = 0; i < d; i++)
        for (var j = 0; j < i; j++)
        {
            var s = 0.5 * (inv[i * d + j] + inv[j * d + i]);
            inv[i * d + j] = s; inv[j * d + i] = s;
        }
        return inv;
    }
}
