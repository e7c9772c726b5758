using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Dense;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>Accuracy of a Vecchia factor against the exact (dense) Gaussian process, for N up to a few thousand.</summary>
/// <param name="KlDivergence">KL(exact ‖ Vecchia) = ½ Σ ln(d_sparse,i / d_exact,i), nats.</param>
/// <param name="WorstCovarianceError">max |Σ̃_ij − R_ij| over all pairs (and the diagonal), Σ̃ the factor's implied covariance.</param>
/// <param name="WorstCorrelationError">max |Σ̃_ij/sqrt(Σ̃_ii Σ̃_jj) − R_ij| over i ≠ j.</param>
/// <param name="MeanAbsoluteCovarianceError">mean |Σ̃_ij − R_ij| over i &gt; j.</param>
public sealed record VecchiaAccuracyReport(double KlDivergence, double WorstCovarianceError, double WorstCorrelationError, double MeanAbsoluteCovarianceError);

/// <summary>
/// Dense oracle checks of a <see cref="VecchiaFactor"/>: the exact conditional variances d_exact,i (the squared diagonal of
/// the Cholesky factor of R in sweep order), the KL identity, and the implied covariance Σ̃ = (I − B)⁻¹ D (I − B)⁻ᵀ.
/// </summary>
public static class VecchiaAccuracy
{
    /// <summary>Dense correlation matrix in the factor's sweep order (n×n row-major), diagonal 1 + nugget.</summary>
    public static double[] ExactInSweepOrder(VecchiaStructure structure, CorrelationSites sites, ISpatialCorrelation kernel, double nugget = 0.0)
    {
        var n = structure.Count;
        var order = structure.Order;
        var r = new double[(long)n * n];
        Parallel.For(0, n, i =>
        {
            var js = new int[i];
            for (var j = 0; j < i; j++) js[j] = order[j];
            kernel.Row(sites, order[i], sites, js, r.AsSpan(i * n, i));
            r[i * n + i] = 1.0 + nugget;
        });
        for (var i = 0; i < n; i++)
            for (var j = 0; j < i; j++) r[j * n + i] = r[i * n + j];
        return r;
    }

    /// <summary>d_exact,i = Var(y_i | all earlier sites) for the sweep order: L_ii² of the dense Cholesky of R.</summary>
    public static double[] ExactConditionalVariances(double[] exactInSweepOrder, int n)
    {
        var l = (double[])exactInSweepOrder.Clone();
        DenseCholesky.FactorInPlace(l, n);
        var d = new double[n];
        for (var i = 0; i < n; i++) d[i] = l[i * n + i] * l[i * n + i];
        return d;
    }

    /// <summary>KL = ½ Σ ln(d_sparse,i / d_exact,i).</summary>
    public static double KlDivergence(VecchiaFactor factor, ReadOnlySpan<double> exactConditionalVariances)
    {
        double s = 0;
        for (var i = 0; i < factor.Sites; i++) s += Math.Log(factor.ConditionalVariance[i] / exactConditionalVariances[i]);
        return 0.5 * s;
    }

    /// <summary>Lower-triangular L̃ (n×n, sweep order) with y = L̃ z: row i = sqrt(d_i)·e_i + Σ_k b_ik·row c(k).</summary>
    public static double[] ImpliedFactor(VecchiaFactor f)
    {
        var n = f.Sites;
        var l = new double[(long)n * n];
        for (var i = 0; i < n; i++)
        {
            var row = l.AsSpan(i * n, i + 1);
            row[i] = f.SqrtConditionalVariance[i];
            for (var k = 0; k < f.Count(i); k++)
            {
                var j = f.NeighbourPositions[i * f.M + k];
                VectorMath.Axpy(f.Weights[i * f.M + k], l.AsSpan(j * n, j + 1), row[..(j + 1)]);
            }
        }
        return l;
    }

    /// <summary>Full report: KL and the worst errors of the implied covariance against <paramref name="exactInSweepOrder"/>.</summary>
    public static VecchiaAccuracyReport Evaluate(VecchiaFactor factor, double[] exactInSweepOrder, double[] exactConditionalVariances)
    {
        var n = factor.Sites;
        var lt = ImpliedFactor(factor);
        var cov = new double[(long)n * n];
        for (var k0 = 0; k0 < n; k0 += DenseCholesky.BlockSize)
        {
            var kb = Math.Min(DenseCholesky.BlockSize, n - k0);
            // Σ̃ += L̃[:, k0..k0+kb) L̃[:, k0..k0+kb)ᵀ over rows ≥ k0 (L̃ is lower triangular).
            PackedGemm.Update(cov, k0 * n + k0, n, lt, k0 * n + k0, n, lt, k0 * n + k0, n, transB: true,
                m: n - k0, n: n - k0, k: kb, sign: 1.0, lowerOnly: true);
        }
        double worstCov = 0, worstCorr = 0, sumAbs = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var c = cov[i * n + j];
                var err = Math.Abs(c - exactInSweepOrder[i * n + j]);
                worstCov = Math.Max(worstCov, err);
                if (j < i)
                {
                    sumAbs += err;
                    var corr = c / Math.Sqrt(cov[i * n + i] * cov[j * n + j]);
                    worstCorr = Math.Max(worstCorr, Math.Abs(corr - exactInSweepOrder[i * n + j]));
                }
            }
        }
        var pairs = (double)n * (n - 1) / 2;
        return new VecchiaAccuracyReport(KlDivergence(factor, exactConditionalVariances), worstCov, worstCorr, pairs > 0 ? sumAbs / pairs : 0);
    }
}
