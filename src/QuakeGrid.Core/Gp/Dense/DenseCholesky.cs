namespace QuakeGrid.Core.Gp.Dense;

/// <summary>
/// In-place lower Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix stored row-major (n×n,
/// only the lower triangle is read; the strict upper triangle is set to zero on return).
/// Right-looking blocked algorithm (Golub &amp; Van Loan 2013, Alg. 4.2.4): for each panel of <see cref="BlockSize"/> columns,
/// (1) unblocked factor of the diagonal block, (2) triangular solve of the panel below it (rows in parallel, SIMD dot
/// products), (3) symmetric rank-kb update of the trailing lower triangle by <see cref="PackedGemm"/> (4×8 FMA
/// micro-kernel, parallel over row panels). Cost n³/3 flops.
/// </summary>
public static class DenseCholesky
{
    /// <summary>Panel width (columns per step).</summary>
    public const int BlockSize = 192;

    /// <summary>
    /// Factors <paramref name="a"/> in place. Throws <see cref="InvalidOperationException"/> naming the pivot when the
    /// matrix is not numerically positive definite.
    /// </summary>
    public static void FactorInPlace(double[] a, int n, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length < (long)n * n) throw new ArgumentException("matrix storage shorter than n²", nameof(a));
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        for (var k0 = 0; k0 < n; k0 += BlockSize)
        {
            var kb = Math.Min(BlockSize, n - k0);
            var k1 = k0 + kb;
            FactorDiagonalBlock(a, n, k0, kb);
            var rows = n - k1;
            if (rows == 0) break;
            Parallel.For(k1, n, options, i =>
            {
                var ri = a.AsSpan(i * n + k0, kb);
                for (var j = 0; j < kb; j++)
                {
                    var rj = a.AsSpan((k0 + j) * n + k0, j);
                    ri[j] = (ri[j] - VectorMath.Dot(ri[..j], rj)) / a[(k0 + j) * n + k0 + j];
                }
            });
            PackedGemm.Update(a, k1 * n + k1, n, a, k1 * n + k0, n, a, k1 * n + k0, n, transB: true,
                m: rows, n: rows, k: kb, sign: -1.0, lowerOnly: true, diagonalOffset: 0, maxParallelism: maxParallelism);
        }
        for (var i = 0; i < n; i++) a.AsSpan(i * n + i + 1, n - i - 1).Clear();
    }

    private static void FactorDiagonalBlock(double[] a, int n, int k0, int kb)
    {
        for (var i = 0; i < kb; i++)
        {
            var ri = a.AsSpan((k0 + i) * n + k0, kb);
            for (var j = 0; j <= i; j++)
            {
                var rj = a.AsSpan((k0 + j) * n + k0, kb);
                var s = ri[j] - VectorMath.Dot(ri[..j], rj[..j]);
                if (j == i)
                {
                    if (!(s > 0)) throw new InvalidOperationException($"matrix is not positive definite: pivot {k0 + i} is {s:G6}");
                    ri[i] = Math.Sqrt(s);
                }
                else
                {
                    ri[j] = s / rj[j];
                }
            }
        }
    }

    /// <summary>ln det(A) = 2 Σ ln L_ii from the factor.</summary>
    public static double LogDeterminant(double[] l, int n)
    {
        double s = 0;
        for (var i = 0; i < n; i++) s += Math.Log(l[i * n + i]);
        return 2 * s;
    }
}
