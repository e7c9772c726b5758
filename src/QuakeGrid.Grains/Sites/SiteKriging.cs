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
/// with a cell size of 0. <see cref="Factor"/> depends on the stations only, so a site grain keeps it for every target
/// Vs30 and pays only <see cref="Solve"/> (O(k²)) for a new one.
/// </summary>
public static class SiteKriging
{
    /// <summary>C_NN of the neighbours, factorised (or pseudo-inverted), with their residuals.</summary>
    public sealed class NeighbourSystem
    {
        internal NeighbourSystem(StationResidual[] stations, double[]? cholesky, double[]? pseudoInverse)
        {
            Stations = stations; Cholesky = cholesky; PseudoInverse = pseudoInverse;
        }

        /// <summary>The neighbours' residuals, in the order of the factor.</summary>
        public StationResidual[] Stations { get; }
        /// <summary>Lower Cholesky factor of C_NN (row-major), or null when singular.</summary>
        public double[]? Cholesky { get; }
        /// <summary>Pseudo-inverse of C_NN (row-major) when singular, else null.</summary>
        public double[]? PseudoInverse { get; }
        public int Count => Stations.Length;
    }

    /// <summary>
    /// Builds and factorises C_NN from the neighbours' residuals and their covariance rows: row a holds station a's
    /// covariances with [anything, station 0, …, station k−1] (entry 0 is skipped; only b &lt; a of the stations are read).
    /// </summary>
    public static NeighbourSystem Factor(StationResidual[] stations, IReadOnlyList<double[]> rows)
    {
        var k = stations.Length;
        if (rows.Count != k) throw new ArgumentException("one covariance row per station is required");
        var a = new double[k * k];
        var maxDiag = 0.0;
        for (var p = 0; p < k; p++)
        {
            var row = rows[p];
            if (row.Length != k + 1) throw new ArgumentException($"covariance row {p} has {row.Length} entries, expected {k + 1}");
            for (var q = 0; q < p; q++) a[p * k + q] = a[q * k + p] = row[1 + q];
            var s = stations[p];
            a[p * k + p] = s.Phi * s.Phi + s.LnSigma * s.LnSigma;
            maxDiag = Math.Max(maxDiag, a[p * k + p]);
        }
        if (k == 0) return new NeighbourSystem(stations, [], null);
        var l = (double[])a.Clone();
        try
        {
            // Core's test for a safely positive definite C: every pivot above 1e-10 × the largest diagonal.
            DenseCholesky.FactorInPlace(l, k, maxParallelism: 1);
            var ok = true;
            for (var p = 0; p < k && ok; p++) ok = l[p * k + p] * l[p * k + p] > 1e-10 * maxDiag;
            if (ok) return new NeighbourSystem(stations, l, null);
        }
        catch (InvalidOperationException)
        {
            // not numerically positive definite: pseudo-inverse below
        }
        var pinv = SymmetricInverse.PseudoInverse(Matrix<double>.Build.Dense(k, k, (p, q) => a[p * k + q]));
        return new NeighbourSystem(stations, null, pinv.ToRowMajorArray());
    }

    /// <summary>Conditional mean of ln Y and the within- and between-event variances at a target.</summary>
    /// <param name="system">The factorised neighbours.</param>
    /// <param name="c">Within-event covariances c_yN between the target and each neighbour.</param>
    /// <param name="priorLnMedian">GMM ln median at the target.</param>
    /// <param name="tau">GMM between-event standard deviation at the target.</param>
    /// <param name="phi">GMM within-event standard deviation at the target.</param>
    /// <param name="muH">Posterior mean of the normalised between-event term.</param>
    /// <param name="varH">Posterior variance of the normalised between-event term.</param>
    public static (double Mean, double VarWithin, double VarBetween) Solve(NeighbourSystem system, double[] c,
        double priorLnMedian, double tau, double phi, double muH, double varH)
    {
        var k = system.Count;
        if (c.Length != k) throw new ArgumentException($"{c.Length} target covariances for {k} stations");
        double[] rc;
        if (system.Cholesky is { } l)
        {
            rc = (double[])c.Clone();
            TriangularSolve.Lower(l, k, rc, 1);
            TriangularSolve.LowerTransposed(l, k, rc, 1);
        }
        else
        {
            var pinv = system.PseudoInverse!;
            rc = new double[k];
            for (var p = 0; p < k; p++)
            {
                var s = 0.0;
                for (var q = 0; q < k; q++) s += pinv[p * k + q] * c[q];
                rc[p] = s;
            }
        }
        var mean = priorLnMedian + tau * muH;
        var rcc = 0.0;
        var between = tau;
        for (var p = 0; p < k; p++)
        {
            var s = system.Stations[p];
            mean += rc[p] * (s.Residual - s.Tau * muH);
            rcc += rc[p] * c[p];
            between -= rc[p] * s.Tau;
        }
        return (mean, Math.Max(0.0, phi * phi - rcc), Math.Max(0.0, between * between * varH));
    }
}
