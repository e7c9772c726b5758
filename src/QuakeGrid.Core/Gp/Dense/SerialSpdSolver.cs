namespace QuakeGrid.Core.Gp.Dense;

/// <summary>
/// Allocation-free, single-threaded blocked kernels for one symmetric positive-definite matrix at a time, for callers
/// that parallelise over many independent matrices (e.g. one per earthquake in a pooled likelihood):
/// <list type="bullet">
/// <item><see cref="TryFactor"/>: right-looking blocked Cholesky K = L Lᵀ (Golub &amp; Van Loan 2013, Alg. 4.2.4),
/// trailing updates by the packed 4×8 FMA micro-kernel of <see cref="PackedGemm"/>; n³/6 multiply-adds.</item>
/// <item><see cref="InverseFromFactor"/>: K⁻¹ = L⁻ᵀ L⁻¹ as LAPACK's potri does it (trtri + lauum), both steps blocked so
/// that almost all of the n³/6 + n³/6 multiply-adds run in the same micro-kernel: (1) M = L⁻¹ by column blocks,
/// M[I,J] = −L_II⁻¹ L[I, J..I−1] M[J..I−1, J]; (2) N = Mᵀ; (3) K⁻¹[I, 0..I] = N[I, I..] N[0..I, I..]ᵀ,
/// exploiting that N is upper triangular (each row block only needs the columns from its own block on).</item>
/// </list>
/// Row-major storage with stride n; only the lower triangle of the input is read.
/// </summary>
public sealed class SerialSpdSolver
{
    /// <summary>Block size of both algorithms.</summary>
    public const int BlockSize = 32;

    private readonly double[] _packA;
    private readonly double[] _packB;
    private readonly double[] _m;
    private readonly double[] _t;

    /// <summary>Allocates buffers for matrices of size up to <paramref name="capacity"/>.</summary>
    public SerialSpdSolver(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        Capacity = capacity;
        var padded = (capacity + 7) / 8 * 8;
        _packA = new double[4 * capacity];
        _packB = new double[padded * capacity];
        _m = new double[capacity * capacity];
        _t = new double[capacity * capacity];
    }

    /// <summary>Largest n.</summary>
    public int Capacity { get; }

    /// <summary>
    /// Factors the lower triangle of <paramref name="a"/> (n×n, stride n) in place into L (the strict upper triangle
    /// is left as it was and never read). Returns false, leaving <paramref name="a"/> partly overwritten, when a pivot
    /// is not positive (the matrix is not numerically positive definite).
    /// </summary>
    public bool TryFactor(double[] a, int n)
    {
        Check(a, n);
        for (var k0 = 0; k0 < n; k0 += BlockSize)
        {
            var kb = Math.Min(BlockSize, n - k0);
            var k1 = k0 + kb;
            if (!FactorDiagonalBlock(a, n, k0, kb)) return false;
            if (k1 == n) break;
            for (var i = k1; i < n; i++)
            {
                var ri = a.AsSpan(i * n + k0, kb);
                for (var j = 0; j < kb; j++)
                {
                    var rj = a.AsSpan((k0 + j) * n + k0, j);
                    ri[j] = (ri[j] - VectorMath.Dot(ri[..j], rj)) / a[(k0 + j) * n + k0 + j];
                }
            }
            var rows = n - k1;
            PackedGemm.UpdateSerial(a, k1 * n + k1, n, a, k1 * n + k0, n, a, k1 * n + k0, n, transB: true,
                m: rows, n: rows, k: kb, sign: -1.0, lowerOnly: true, diagonalOffset: 0, _packB, _packA);
        }
        return true;
    }

    private static bool FactorDiagonalBlock(double[] a, int n, int k0, int kb)
    {
        for (var i = 0; i < kb; i++)
        {
            var ri = a.AsSpan((k0 + i) * n + k0, kb);
            for (var j = 0; j < i; j++)
            {
                var rj = a.AsSpan((k0 + j) * n + k0, j);
                ri[j] = (ri[j] - VectorMath.Dot(ri[..j], rj)) / a[(k0 + j) * n + k0 + j];
            }
            var s = ri[i] - VectorMath.Dot(ri[..i], ri[..i]);
            if (!(s > 0)) return false;
            ri[i] = Math.Sqrt(s);
        }
        return true;
    }

    /// <summary>ln det K = 2 Σ ln L_ii from the factor.</summary>
    public static double LogDeterminant(double[] l, int n)
    {
        var s = 0.0;
        for (var i = 0; i < n; i++) s += Math.Log(l[i * n + i]);
        return 2 * s;
    }

    /// <summary>
    /// From the factor L in the lower triangle of <paramref name="l"/> (n×n, stride n; not modified), writes the lower
    /// triangle (j ≤ i) of K⁻¹ into <paramref name="inverse"/> (stride n; the strict upper triangle is not written).
    /// </summary>
    public void InverseFromFactor(double[] l, int n, double[] inverse)
    {
        Check(l, n);
        Check(inverse, n);
        var m = _m;
        m.AsSpan(0, n * n).Clear();
        // (1) M = L⁻¹ by column blocks J, rows from J down.
        for (var j0 = 0; j0 < n; j0 += BlockSize)
        {
            var jb = Math.Min(BlockSize, n - j0);
            InvertDiagonalBlock(l, m, n, j0, jb);
            for (var i0 = j0 + jb; i0 < n; i0 += BlockSize)
            {
                var ib = Math.Min(BlockSize, n - i0);
                // M[I, J] = −L[I, j0..i0) · M[j0..i0), J]   (M[I, J] is still zero)
                PackedGemm.UpdateSerial(m, i0 * n + j0, n, l, i0 * n + j0, n, m, j0 * n + j0, n, transB: false,
                    m: ib, n: jb, k: i0 - j0, sign: -1.0, lowerOnly: false, diagonalOffset: 0, _packB, _packA);
                // M[I, J] ← L_II⁻¹ M[I, J] by forward substitution over the rows of the block.
                for (var r = 0; r < ib; r++)
                {
                    var i = i0 + r;
                    var mi = m.AsSpan(i * n + j0, jb);
                    for (var k = i0; k < i; k++) VectorMath.Axpy(-l[i * n + k], m.AsSpan(k * n + j0, jb), mi);
                    var inv = 1.0 / l[i * n + i];
                    for (var q = 0; q < jb; q++) mi[q] *= inv;
                }
            }
        }
        // (2) N = Mᵀ (upper triangular; zero below the diagonal).
        var t = _t;
        for (var i = 0; i < n; i++)
        {
            var ti = t.AsSpan(i * n, n);
            ti[..i].Clear();
            for (var k = i; k < n; k++) ti[k] = m[k * n + i];
        }
        // (3) K⁻¹[I, 0..i1) = N[I, i0..n) · N[0..i1), i0..n)ᵀ, lower part only.
        for (var i = 0; i < n; i++) inverse.AsSpan(i * n, i + 1).Clear();
        for (var i0 = 0; i0 < n; i0 += BlockSize)
        {
            var ib = Math.Min(BlockSize, n - i0);
            PackedGemm.UpdateSerial(inverse, i0 * n, n, t, i0 * n + i0, n, t, i0, n, transB: true,
                m: ib, n: i0 + ib, k: n - i0, sign: 1.0, lowerOnly: true, diagonalOffset: i0, _packB, _packA);
        }
    }

    private static void InvertDiagonalBlock(double[] l, double[] m, int n, int j0, int jb)
    {
        // Row i of M_JJ: (e_i − Σ_{k<i} L[i,k] M[k, J]) / L[i,i], rows of M_JJ built top-down.
        for (var r = 0; r < jb; r++)
        {
            var i = j0 + r;
            var mi = m.AsSpan(i * n + j0, r + 1);
            for (var k = j0; k < i; k++) VectorMath.Axpy(-l[i * n + k], m.AsSpan(k * n + j0, k - j0 + 1), mi);
            var inv = 1.0 / l[i * n + i];
            mi[r] += 1.0;
            for (var q = 0; q <= r; q++) mi[q] *= inv;
        }
    }

    private void Check(double[] a, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (n < 1 || n > Capacity) throw new ArgumentOutOfRangeException(nameof(n), n, $"must be in 1..{Capacity}");
        if (a.Length < n * n) throw new ArgumentException("matrix storage shorter than n²", nameof(a));
    }
}
