using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// The small dense solve of one Vecchia row: b = K_cc⁻¹ k_c and the explained variance k_cᵀ b, from one semi-definite
/// Cholesky of the augmented (k+1)×(k+1) matrix [[K_cc, k_c], [k_cᵀ, ·]] (Golub &amp; Van Loan 2013, alg. 4.2.2, outer-product
/// form). Its last column after k steps is y = L⁻¹k_c, so the forward solve costs nothing extra; then Lᵀ b = y.
/// Storage: upper triangle, row-major with leading dimension ld (row j of U = column j of L), so every update of the
/// trailing rows and every back-substitution dot product runs over contiguous memory with Vector256.
/// <para>
/// Semi-definite handling (duplicate or numerically dependent neighbours): a pivot ≤ 1e−10 (relative to the unit
/// diagonal) marks its neighbour redundant: its row of U is zeroed and its weight is 0, which is the exact conditional
/// mean for a rank-deficient K_cc (the same rule as the row-oriented scalar factorisation it replaces).
/// </para>
/// </summary>
internal static class ConditionalSolver
{
    /// <summary>Pivot threshold below which a neighbour counts as redundant.</summary>
    public const double Tiny = 1e-10;

    /// <summary>
    /// Factors the augmented matrix in <paramref name="u"/> in place and writes b into <paramref name="w"/>[0..k).
    /// On entry <c>u[c·ld + r]</c>, c ≤ r ≤ k, holds K(c, r) for c, r &lt; k (diagonal included) and k_c[c] at r = k.
    /// Returns k_cᵀ b (= |L⁻¹k_c|²). The lower triangle and u[k·ld + k] are not read.
    /// </summary>
    public static unsafe double Solve(Span<double> u, int k, int ld, Span<double> w)
    {
        if (k < 0 || ld < k + 1) throw new ArgumentOutOfRangeException(nameof(ld), ld, "leading dimension must be at least k + 1");
        if (u.Length < (long)k * ld + k + 1 || w.Length < k) throw new ArgumentException("scratch spans too short for k");
        fixed (double* a = u)
        fixed (double* pw = w)
        {
            for (var j = 0; j < k; j++)
            {
                var rj = a + (long)j * ld;
                var s = rj[j];
                var len = k - j; // entries j+1..k
                if (s > Tiny)
                {
                    var p = Math.Sqrt(s);
                    rj[j] = p;
                    Scale(rj + j + 1, len, p);
                    for (var l = j + 1; l < k; l++)
                    {
                        var f = rj[l];
                        if (f != 0) SubtractScaled(a + (long)l * ld + l, rj + l, f, k + 1 - l);
                    }
                }
                else
                {
                    rj[j] = 0;
                    new Span<double>(rj + j + 1, len).Clear();
                }
            }
            double explained = 0;
            for (var j = 0; j < k; j++)
            {
                var y = a[(long)j * ld + k];
                explained += y * y;
            }
            for (var i = k - 1; i >= 0; i--)
            {
                var ri = a + (long)i * ld;
                var lii = ri[i];
                pw[i] = lii > 0 ? (ri[k] - Dot(ri + i + 1, pw + i + 1, k - 1 - i)) / lii : 0.0;
            }
            return explained;
        }
    }

    // x[0..n) /= p
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Scale(double* x, int n, double p)
    {
        var t = 0;
        var vp = Vector256.Create(p);
        for (; t + 4 <= n; t += 4) (Vector256.Load(x + t) / vp).Store(x + t);
        for (; t < n; t++) x[t] /= p;
    }

    // y[0..n) -= f·x[0..n)
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void SubtractScaled(double* y, double* x, double f, int n)
    {
        var t = 0;
        var vf = Vector256.Create(f);
        for (; t + 8 <= n; t += 8)
        {
            (Vector256.Load(y + t) - vf * Vector256.Load(x + t)).Store(y + t);
            (Vector256.Load(y + t + 4) - vf * Vector256.Load(x + t + 4)).Store(y + t + 4);
        }
        if (t + 4 <= n)
        {
            (Vector256.Load(y + t) - vf * Vector256.Load(x + t)).Store(y + t);
            t += 4;
        }
        for (; t < n; t++) y[t] -= f * x[t];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe double Dot(double* x, double* y, int n)
    {
        var t = 0;
        var acc = Vector256<double>.Zero;
        for (; t + 4 <= n; t += 4) acc += Vector256.Load(x + t) * Vector256.Load(y + t);
        var s = Vector256.Sum(acc);
        for (; t < n; t++) s += x[t] * y[t];
        return s;
    }
}
