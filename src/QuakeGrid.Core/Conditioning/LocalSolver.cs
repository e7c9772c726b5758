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

    /// <summary>Writes the pseudo-inverse of C[rows, rows] (C row-major n×n) into <paramref name="into"/> (m×m row-major).</summary>
    public static void PseudoInverse(ReadOnlySpan<double> c, int n, ReadOnlySpan<int> rows, Span<double> into)
    {
        var m = rows.Length;
        var a = Matrix<double>.Build.Dense(m, m);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++) a[i, j] = c[rows[i] * n + rows[j]];
        var inv = SymmetricInverse.PseudoInverse(a);
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++) into[i * m + j] = inv[i, j];
    }
}
