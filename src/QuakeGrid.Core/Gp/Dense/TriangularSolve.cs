namespace QuakeGrid.Core.Gp.Dense;

/// <summary>Solves with a row-major lower-triangular factor L (n×n), right-hand sides row-major n×r, in place.</summary>
public static class TriangularSolve
{
    /// <summary>L·X = B: X overwrites <paramref name="b"/> (n×<paramref name="r"/>). Row-oriented forward substitution, SIMD over r (or a dot product when r = 1).</summary>
    public static void Lower(double[] l, int n, double[] b, int r)
    {
        if (r == 1)
        {
            for (var i = 0; i < n; i++) b[i] = (b[i] - VectorMath.Dot(l.AsSpan(i * n, i), b.AsSpan(0, i))) / l[i * n + i];
            return;
        }
        for (var i = 0; i < n; i++)
        {
            var bi = b.AsSpan(i * r, r);
            for (var j = 0; j < i; j++)
            {
                var lij = l[i * n + j];
                if (lij != 0) VectorMath.Axpy(-lij, b.AsSpan(j * r, r), bi);
            }
            var inv = 1.0 / l[i * n + i];
            for (var q = 0; q < r; q++) bi[q] *= inv;
        }
    }

    /// <summary>Lᵀ·X = B: X overwrites <paramref name="b"/> (n×<paramref name="r"/>). Column-oriented back substitution (rows of L are contiguous).</summary>
    public static void LowerTransposed(double[] l, int n, double[] b, int r)
    {
        for (var i = n - 1; i >= 0; i--)
        {
            var bi = b.AsSpan(i * r, r);
            var inv = 1.0 / l[i * n + i];
            for (var q = 0; q < r; q++) bi[q] *= inv;
            for (var j = 0; j < i; j++)
            {
                var lij = l[i * n + j];
                if (lij == 0) continue;
                if (r == 1) b[j] -= lij * bi[0];
                else VectorMath.Axpy(-lij, bi, b.AsSpan(j * r, r));
            }
        }
    }
}
