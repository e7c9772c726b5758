using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// (Pseudo-)inverse of a small symmetric positive semi-definite matrix, as OpenQuake's use of <c>numpy.linalg.pinv</c>
/// for the station covariance: a Cholesky inverse when the matrix is safely positive definite, otherwise the
/// Moore–Penrose inverse from a symmetric eigen-decomposition, dropping eigenvalues below
/// <see cref="RelativeCutoff"/> × the largest (for example two co-located stations with no observation error).
/// Dense O(n³) with MathNet: meant for n up to a few thousand (stations), where speed does not matter.
/// </summary>
public static class SymmetricInverse
{
    /// <summary>Eigenvalues below this fraction of the largest are treated as zero in the pseudo-inverse.</summary>
    public const double RelativeCutoff = 1e-12;

    /// <summary>Returns the inverse (or pseudo-inverse) of the symmetric matrix <paramref name="a"/>; <paramref name="a"/> is not changed.</summary>
    public static Matrix<double> Invert(Matrix<double> a, out bool pseudo)
    {
        var n = a.RowCount;
        pseudo = false;
        if (n == 0) return Matrix<double>.Build.Dense(0, 0);
        var maxDiag = 0.0;
        for (var i = 0; i < n; i++) maxDiag = Math.Max(maxDiag, a[i, i]);
        try
        {
            var chol = a.Cholesky();
            var f = chol.Factor;
            var minPivot = double.PositiveInfinity;
            for (var i = 0; i < n; i++) minPivot = Math.Min(minPivot, f[i, i] * f[i, i]);
            if (minPivot > 1e-10 * maxDiag)
                return chol.Solve(Matrix<double>.Build.DenseIdentity(n));
        }
        catch (ArgumentException)
        {
            // not numerically positive definite: use the pseudo-inverse below
        }
        pseudo = true;
        return PseudoInverse(a);
    }

    /// <summary>Moore–Penrose inverse of a symmetric matrix from its eigen-decomposition.</summary>
    public static Matrix<double> PseudoInverse(Matrix<double> a)
    {
        var n = a.RowCount;
        var evd = a.Evd(Symmetricity.Symmetric);
        var lambda = evd.EigenValues.Map(c => c.Real);
        var v = evd.EigenVectors;
        var max = lambda.AbsoluteMaximum();
        var cut = RelativeCutoff * max;
        var inv = Matrix<double>.Build.Dense(n, n);
        for (var k = 0; k < n; k++)
        {
            var l = lambda[k];
            if (Math.Abs(l) <= cut) continue;
            var s = 1.0 / l;
            for (var i = 0; i < n; i++)
            {
                var vik = v[i, k] * s;
                if (vik == 0) continue;
                for (var j = 0; j < n; j++) inv[i, j] += vik * v[j, k];
            }
        }
        return inv;
    }
}
