namespace QuakeGrid.Core.Gp.Dense;

/// <summary>
/// Allocation-free, single-threaded blocked kernels for one symmetric positive-definite matrix at a time, for callers
/// that parallelise over many independent matrices (e.g. one per earthquake in a pooled likelihood):
/// <list type="bullet">
/// <item><see cref="TryFactor"/>: right-looking blocked Cholesky K = L Lᵀ (Golub &amp; Van Loan 2013, Alg. 4.2.4);
/// the panel solve L21 = A21 L11⁻ᵀ is a product with the explicit inverse of the small diagonal block and the trailing
/// update a lower-triangular product, both in the packed 4×8 FMA micro-kernel of <see cref="PackedGemm"/>; n³/6
/// multiply-adds.</item>
/// <item><see cref="InverseFromFactor"/>: K⁻¹ = L⁻ᵀ L⁻¹ as LAPACK's potri does it (trtri + lauum), both steps in the
/// micro-kernel: (1) M = L⁻¹ by row blocks, M[I, 0..I) = −M_II (L[I, 0..I) M[0..I, 0..I)), each finished row of M
/// appended to a packed copy so that later products start at each panel's first non-zero row without repacking;
/// (2) the lower triangle of MᵀM from the same packed panels; n³/6 + n³/6 multiply-adds.</item>
/// </list>
/// Row-major storage with stride n; only the lower triangle of the input is read.
/// </summary>
public sealed class SerialSpdSolver
{
    /// <summary>Default block size of both algorithms.</summary>
    public const int DefaultBlockSize = 32;

    /// <summary>Block size of both algorithms (columns per panel).</summary>
    public int BlockSize { get; }

    private readonly double[] _packA;
    private readonly double[] _packB;
    private readonly double[] _m;
    private readonly double[] _t;

    /// <summary>Allocates buffers for matrices of size up to <paramref name="capacity"/>.</summary>
    public SerialSpdSolver(int capacity, int blockSize = DefaultBlockSize)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        if (blockSize < 1) throw new ArgumentOutOfRangeException(nameof(blockSize));
        BlockSize = blockSize;
        Capacity = capacity;
        var padded = (capacity + 7) / 8 * 8;
        _packA = new double[4 * capacity];
        _packB = new double[padded * capacity];
        _m = new double[capacity * capacity];
        _t = new double[capacity * capacity];
        _tri = new double[blockSize * blockSize];
        _packM = new double[padded * capacity];
    }

    private readonly double[] _packM;

    private readonly double[] _tri;

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
            var rows = n - k1;
            // Panel L21 = A21 L11⁻ᵀ as a product in the micro-kernel: T = L11⁻¹ (kb³/6), A21 copied out, L21 = A21 Tᵀ.
            var tri = _tri;
            InvertTriangle(a, n, k0, kb, tri);
            var panel = _t;
            for (var i = 0; i < rows; i++)
            {
                var src = a.AsSpan((k1 + i) * n + k0, kb);
                src.CopyTo(panel.AsSpan(i * kb, kb));
                src.Clear();
            }
            PackedGemm.UpdateSerial(a, k1 * n + k0, n, panel, 0, kb, tri, 0, kb, transB: true,
                m: rows, n: kb, k: kb, sign: 1.0, lowerOnly: false, diagonalOffset: 0, _packB, _packA);
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
        var pm = _packM;
        var ap = _packA;
        // (1) M = L⁻¹ by row blocks I, top-down: M_II = L_II⁻¹, X = L[I, 0..i0) M[0..i0, 0..i0), M[I, 0..i0) = −M_II X.
        // Each finished row of M is appended to pm (8-column panels, row-major inside: panel jp, row k at
        // jp·8n + 8k), so X runs in the micro-kernel without repacking M, starting each column panel at its first
        // non-zero row (M is lower triangular).
        for (var i0 = 0; i0 < n; i0 += BlockSize)
        {
            var ib = Math.Min(BlockSize, n - i0);
            InvertDiagonalBlock(l, m, n, i0, ib);
            if (i0 > 0)
            {
                var x = _t;
                x.AsSpan(0, ib * i0).Clear();
                for (var r0 = 0; r0 < ib; r0 += 4)
                {
                    var rows = Math.Min(4, ib - r0);
                    PackedGemm.PackA(l, (i0 + r0) * n, n, rows, i0, ap);
                    for (var j0 = 0; j0 < i0; j0 += 8)
                        PackedGemm.Tile(ap, 4 * j0, pm, j0 * n + 8 * j0, i0 - j0, x, r0 * i0 + j0, i0, 1.0, rows, Math.Min(8, i0 - j0), false, 0);
                }
                PackedGemm.UpdateSerial(m, i0 * n, n, m, i0 * n + i0, n, x, 0, i0, transB: false,
                    m: ib, n: i0, k: ib, sign: -1.0, lowerOnly: false, diagonalOffset: 0, _packB, _packA);
            }
            for (var k = i0; k < i0 + ib; k++)
            for (var j0 = 0; j0 <= k; j0 += 8)
            {
                var dst = pm.AsSpan(j0 * n + 8 * k, 8);
                var cols = Math.Min(8, n - j0);
                m.AsSpan(k * n + j0, cols).CopyTo(dst);
                dst[cols..].Clear();
            }
        }
        // (2) K⁻¹[i, j] = Σ_{k ≥ i} M[k, i] M[k, j] for j ≤ i (lower triangle of MᵀM), 4 rows at a time; the packed
        // panels of M serve as op(B) directly and the sum starts at the panel's first row.
        for (var i = 0; i < n; i++) inverse.AsSpan(i * n, i + 1).Clear();
        for (var i0 = 0; i0 < n; i0 += 4)
        {
            var rows = Math.Min(4, n - i0);
            var kLen = n - i0;
            for (var k = 0; k < kLen; k++)
            {
                var src = m.AsSpan((i0 + k) * n + i0, rows);
                var dst = ap.AsSpan(4 * k, 4);
                src.CopyTo(dst);
                dst[rows..].Clear();
            }
            for (var j0 = 0; j0 < i0 + rows; j0 += 8)
                PackedGemm.Tile(ap, 0, pm, j0 * n + 8 * i0, kLen, inverse, i0 * n + j0, n, 1.0, rows, Math.Min(8, n - j0), true, i0 - j0);
        }
    }

    /// <summary>T = L_KK⁻¹ of the diagonal block at (k0, k0) of size kb into <paramref name="tri"/> (stride kb, zero above).</summary>
    private static void InvertTriangle(double[] l, int n, int k0, int kb, double[] tri)
    {
        for (var r = 0; r < kb; r++)
        {
            var i = k0 + r;
            var ti = tri.AsSpan(r * kb, kb);
            ti.Clear();
            for (var k = 0; k < r; k++) VectorMath.Axpy(-l[i * n + k0 + k], tri.AsSpan(k * kb, k + 1), ti[..(k + 1)]);
            var inv = 1.0 / l[i * n + i];
            ti[r] = 1.0;
            for (var q = 0; q <= r; q++) ti[q] *= inv;
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
