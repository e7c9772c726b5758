using MathNet.Numerics.LinearAlgebra;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Gp.Dense;

namespace QuakeGrid.Grains.Sites;

/// <summary>
/// The small Gaussian-process solve of one site (Engler et al. 2022, Appendix B, native data, one target) on its k nearest
/// stations N, given the between-event posterior N(mu_H, Var_H) of all stations:
/// C_NN = [phi_a rho_ab phi_b] + diag(sigma_a²) (Cholesky with Core's <see cref="DenseCholesky"/>, or the Moore–Penrose
/// inverse of Core's <see cref="SymmetricInverse"/> when singular, as Core's conditioners do);
/// RC = C_NN⁻¹ c_yN; mean = mu_y + tau_y mu_H + RC·(zeta_N − tau_N mu_H); Var_W = phi_y² − RC·c_yN;
/// C = tau_y − RC·tau_N; Var_B = C² Var_H (both clipped at 0, as OpenQuake does).
/// With all stations in N this is Core's <see cref="ExactConditioner"/>; with the k nearest, its <see cref="ScalableConditioner"/>
/// with a cell size of 0.
/// </summary>
public static class SiteKriging
{
    /// <summary>Conditional mean of ln Y and the within- and between-event variances.</summary>
    /// <param name="stations">Residuals of the k neighbours.</param>
    /// <param name="rows">Row a: covariances of station a with [target, station 0, …, station k−1] (only b ≤ a of the stations are read).</param>
    /// <param name="priorLnMedian">GMM ln median at the target.</param>
    /// <param name="tau">GMM between-event standard deviation at the target.</param>
    /// <param name="phi">GMM within-event standard deviation at the target.</param>
    /// <param name="muH">Posterior mean of the normalised between-event term.</param>
    /// <param name="varH">Posterior variance of the normalised between-event term.</param>
    public static (double Mean, double VarWithin, double VarBetween) Solve(IReadOnlyList<StationResidual> stations, IReadOnlyList<double[]> rows,
        double priorLnMedian, double tau, double phi, double muH, double varH)
    {
        var k = stations.Count;
        if (rows.Count != k) throw new ArgumentException("one covariance row per station is required");
        var a = new double[k * k];
        var c = new double[k];
        var maxDiag = 0.0;
        for (var p = 0; p < k; p++)
        {
            var row = rows[p];
            if (row.Length != k + 1) throw new ArgumentException($"covariance row {p} has {row.Length} entries, expected {k + 1}");
            c[p] = row[0];
            for (var q = 0; q < p; q++) a[p * k + q] = a[q * k + p] = row[1 + q];
            var s = stations[p];
            a[p * k + p] = s.Phi * s.Phi + s.LnSigma * s.LnSigma;
            maxDiag = Math.Max(maxDiag, a[p * k + p]);
        }
        var rc = RegressionCoefficients(a, c, k, maxDiag);
        var mean = priorLnMedian + tau * muH;
        var rcc = 0.0;
        var between = tau;
        for (var p = 0; p < k; p++)
        {
            var s = stations[p];
            mean += rc[p] * (s.Residual - s.Tau * muH);
            rcc += rc[p] * c[p];
            between -= rc[p] * s.Tau;
        }
        return (mean, Math.Max(0.0, phi * phi - rcc), Math.Max(0.0, between * between * varH));
    }

    /// <summary>C_NN⁻¹ c: Cholesky when every pivot exceeds 1e-10 × the largest diagonal (Core's test), else the pseudo-inverse.</summary>
    private static double[] RegressionCoefficients(double[] a, double[] c, int k, double maxDiag)
    {
        if (k == 0) return [];
        var l = (double[])a.Clone();
        try
        {
            DenseCholesky.FactorInPlace(l, k, maxParallelism: 1);
            var ok = true;
            for (var p = 0; p < k && ok; p++) ok = l[p * k + p] * l[p * k + p] > 1e-10 * maxDiag;
            if (ok)
            {
                var x = (double[])c.Clone();
                TriangularSolve.Lower(l, k, x, 1);
                TriangularSolve.LowerTransposed(l, k, x, 1);
                return x;
            }
        }
        catch (InvalidOperationException)
        {
            // not numerically positive definite: pseudo-inverse below
        }
        var pinv = SymmetricInverse.PseudoInverse(Matrix<double>.Build.Dense(k, k, (p, q) => a[p * k + q]));
        return (pinv * Vector<double>.Build.DenseOfArray(c)).ToArray();
    }
}
