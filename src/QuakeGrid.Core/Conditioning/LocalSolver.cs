using MathNet.Numerics.LinearAlgebra;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// Solves the small k×k kriging system C_NN x = c of one target in place (Cholesky, no allocation); falls back to the
/// Moore–Penrose pseudo-inverse (<see cref="SymmetricInverse"/>) when C_NN is singular, e.g. co-located stations
/// without observation error, so that results match the exact mode's pseudo-inverse.
/// </summary>
internal static class LocalSolver
{
    /// <summary>Overwrites <paramref name="a"/> (n×n row-major) with its Cholesky factor; false if not safely positive definite.</summary>
    public static bool Cholesky(Span<double> a, int n)
    {
        var maxDiag = 0.0;
        for (var i = 0; i < n; i++) maxDiag = Math.Max(maxDiag, a[i * n + i]);
        for (var j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, n);
            var d = rowJ[j] - KrigingRow.Dot(rowJ[..j], rowJ[..j]);
            if (!(d > 1e-10 * maxDiag)) return false;
            var l = Math.Sqrt(d);
            rowJ[j] = l;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = a.Slice(i * n, n);
                rowI[j] = (rowI[j] - KrigingRow.Dot(rowI[..j], rowJ[..j])) / l;
            }
        }
        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place in <paramref name="b"/> given the factor in <paramref name="l"/>.</summary>
    public static void CholeskySolve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            var s = b[i] - KrigingRow.Dot(l.Slice(i * n, i), b[..i]);
            b[i] = s / l[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>x = C⁺ c with the pseudo-inverse of the symmetric matrix given row-major in <paramref name="cMatrix"/>.</summary>
    public static void PseudoSolve(ReadOnlySpan<double> cMatrix, int n, ReadOnlySpan<double> rhs, Span<double> x)
    {
        var m = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) m[i, j] = cMatrix[i * n + j];
        var inv = SymmetricInverse.PseudoInverse(m);
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++) s += inv[i, j] * rhs[j];
            x[i] = s;
        }
    }
}
