using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuakeGrid.Core.Gp.Dense;

/// <summary>
/// Row-major C[M×N] += s·A[M×K]·op(B), with op(B) = B[K×N] or Bᵀ for B[N×K], for the small K (one Cholesky panel,
/// ≤ a few hundred) the blocked algorithms use. Packs op(B) into 8-column panels and each 4-row panel of A into
/// p-major order, then runs a 4×8 register-blocked micro-kernel (8 Vector256 accumulators, FMA when the CPU has it).
/// Row panels run in parallel. With lowerOnly only elements with j ≤ i of C are computed/written.
/// </summary>
internal static unsafe class PackedGemm
{
    private const int Mr = 4;
    private const int Nr = 8;

    // AVX-512: the same 4×8 tile with one zmm per row (≈ 10 % faster on the benchmark machine, AMD EPYC; identical
    // arithmetic, so results do not depend on the path).
    private static readonly bool UseVector512 = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    // c: C row-major (ldc), element (0,0) at cOffset; a: A row-major (lda) at aOffset; b: K×N row-major, or N×K when transB.
    // sign: +1 or −1. With lowerOnly, C row i is computed for columns j ≤ i + diagonalOffset.
    public static void Update(
        double[] c, int cOffset, int ldc,
        double[] a, int aOffset, int lda,
        double[] b, int bOffset, int ldb, bool transB,
        int m, int n, int k, double sign, bool lowerOnly, int diagonalOffset = 0, int maxParallelism = -1)
    {
        if (m <= 0 || n <= 0 || k <= 0) return;
        var nPanels = (n + Nr - 1) / Nr;
        var bp = GC.AllocateUninitializedArray<double>(nPanels * Nr * k);
        PackB(b, bOffset, ldb, transB, n, k, bp);
        var mPanels = (m + Mr - 1) / Mr;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        // Chunks of row panels; lower-triangular work grows with the row, so many small chunks balance the load.
        var chunk = Math.Max(1, Math.Min(16, mPanels / (4 * Environment.ProcessorCount) + 1));
        var nChunks = (mPanels + chunk - 1) / chunk;
        Parallel.For(0, nChunks, options, () => new double[Mr * k], (ci, _, ap) =>
        {
            RowPanels(c, cOffset, ldc, a, aOffset, lda, bp, m, n, k, sign, lowerOnly, diagonalOffset, ci * chunk, Math.Min(mPanels, (ci + 1) * chunk), ap);
            return ap;
        }, _ => { });
    }

    /// <summary>
    /// Same product as <see cref="Update"/> on the calling thread, with caller-provided pack buffers (no allocation,
    /// no fork/join): for callers that already parallelise over independent problems. <paramref name="packB"/> needs
    /// ⌈n/8⌉·8·k doubles, <paramref name="packA"/> 4·k.
    /// </summary>
    public static void UpdateSerial(
        double[] c, int cOffset, int ldc,
        double[] a, int aOffset, int lda,
        double[] b, int bOffset, int ldb, bool transB,
        int m, int n, int k, double sign, bool lowerOnly, int diagonalOffset, double[] packB, double[] packA)
    {
        if (m <= 0 || n <= 0 || k <= 0) return;
        var nPanels = (n + Nr - 1) / Nr;
        if (packB.Length < nPanels * Nr * k || packA.Length < Mr * k) throw new ArgumentException("pack buffers too small");
        for (var jp = 0; jp < nPanels; jp++) PackBPanel(b, bOffset, ldb, transB, n, k, packB, jp);
        RowPanels(c, cOffset, ldc, a, aOffset, lda, packB, m, n, k, sign, lowerOnly, diagonalOffset, 0, (m + Mr - 1) / Mr, packA);
    }

    private static void RowPanels(
        double[] c, int cOffset, int ldc, double[] a, int aOffset, int lda, double[] bp,
        int m, int n, int k, double sign, bool lowerOnly, int diagonalOffset, int p0, int p1, double[] ap)
    {
        for (var ip = p0; ip < p1; ip++)
        {
            var i0 = ip * Mr;
            var rows = Math.Min(Mr, m - i0);
            PackA(a, aOffset + i0 * lda, lda, rows, k, ap);
            var jEnd = lowerOnly ? Math.Min(n, i0 + rows + diagonalOffset) : n;
            if (jEnd <= 0) continue;
            var jpEnd = (jEnd + Nr - 1) / Nr;
            for (var jp = 0; jp < jpEnd; jp++)
            {
                var j0 = jp * Nr;
                var cols = Math.Min(Nr, n - j0);
                var full = rows == Mr && cols == Nr && (!lowerOnly || j0 + Nr - 1 <= i0 + diagonalOffset);
                fixed (double* pa = ap, pb = &bp[jp * Nr * k], pc = c)
                {
                    Kernel(pa, pb, k, pc + cOffset + i0 * ldc + j0, ldc, sign, full, rows, cols, lowerOnly, i0 + diagonalOffset - j0);
                }
            }
        }
    }

    private static void PackB(double[] b, int off, int ldb, bool transB, int n, int k, double[] bp)
    {
        var nPanels = (n + Nr - 1) / Nr;
        Parallel.For(0, nPanels, jp => PackBPanel(b, off, ldb, transB, n, k, bp, jp));
    }

    private static void PackBPanel(double[] b, int off, int ldb, bool transB, int n, int k, double[] bp, int jp)
    {
        var j0 = jp * Nr;
        var cols = Math.Min(Nr, n - j0);
        var dst = jp * Nr * k;
        if (transB)
        {
            for (var jj = 0; jj < Nr; jj++)
            {
                if (jj < cols)
                {
                    var src = off + (j0 + jj) * ldb;
                    for (var p = 0; p < k; p++) bp[dst + p * Nr + jj] = b[src + p];
                }
                else
                {
                    for (var p = 0; p < k; p++) bp[dst + p * Nr + jj] = 0;
                }
            }
        }
        else
        {
            for (var p = 0; p < k; p++)
            {
                var src = off + p * ldb + j0;
                for (var jj = 0; jj < Nr; jj++) bp[dst + p * Nr + jj] = jj < cols ? b[src + jj] : 0;
            }
        }
    }

    /// <summary>Packs rows off.. (up to 4, zero-padded) × k columns of row-major A (stride lda) into p-major <paramref name="ap"/> (4·k).</summary>
    internal static void PackA(double[] a, int off, int lda, int rows, int k, double[] ap)
    {
        for (var r = 0; r < Mr; r++)
        {
            if (r < rows)
            {
                var src = off + r * lda;
                for (var p = 0; p < k; p++) ap[p * Mr + r] = a[src + p];
            }
            else
            {
                for (var p = 0; p < k; p++) ap[p * Mr + r] = 0;
            }
        }
    }

    /// <summary>
    /// One 4×8 tile: C[rows × cols] (stride ldc, at cOffset) += sign · Σ_p ap[apOffset + 4p + r] · bp[bpOffset + 8p + j]
    /// for p &lt; k, A and B already packed (rows p-major, 4 resp. 8 wide). With lowerOnly only j ≤ r + diagRel is written.
    /// </summary>
    internal static void Tile(double[] ap, int apOffset, double[] bp, int bpOffset, int k, double[] c, int cOffset, int ldc,
        double sign, int rows, int cols, bool lowerOnly, int diagRel)
    {
        if (k <= 0 || rows <= 0 || cols <= 0) return;
        if (apOffset + Mr * k > ap.Length || bpOffset + Nr * k > bp.Length) throw new ArgumentException("packed operands too short");
        if (rows > Mr || cols > Nr || cOffset < 0 || cOffset + (rows - 1) * ldc + cols > c.Length) throw new ArgumentException("tile outside C");
        var full = rows == Mr && cols == Nr && (!lowerOnly || Nr - 1 <= diagRel);
        fixed (double* pa = &ap[apOffset], pb = &bp[bpOffset], pc = &c[cOffset])
        {
            Kernel(pa, pb, k, pc, ldc, sign, full, rows, cols, lowerOnly, diagRel);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(double* pa, double* pb, int k, double* pc, int ldc, double sign, bool full, int rows, int cols, bool lowerOnly, int diagRel)
    {
        if (UseVector512)
        {
            // One 8-wide row of op(B) per zmm register: 4 accumulators, one load and four broadcasts per step.
            Vector512<double> c0 = default, c1 = default, c2 = default, c3 = default;
            for (var p = 0; p < k; p++)
            {
                var b = Vector512.Load(pb);
                c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(pa[0]), b, c0);
                c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(pa[1]), b, c1);
                c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(pa[2]), b, c2);
                c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(pa[3]), b, c3);
                pa += Mr;
                pb += Nr;
            }
            var s5 = Vector512.Create(sign);
            if (full)
            {
                (Vector512.Load(pc) + s5 * c0).Store(pc);
                (Vector512.Load(pc + ldc) + s5 * c1).Store(pc + ldc);
                (Vector512.Load(pc + 2 * ldc) + s5 * c2).Store(pc + 2 * ldc);
                (Vector512.Load(pc + 3 * ldc) + s5 * c3).Store(pc + 3 * ldc);
                return;
            }
            var t5 = stackalloc double[Mr * Nr];
            c0.Store(t5); c1.Store(t5 + 8); c2.Store(t5 + 16); c3.Store(t5 + 24);
            WriteBack(t5, pc, ldc, sign, rows, cols, lowerOnly, diagRel);
            return;
        }
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default;
            Vector256<double> c20 = default, c21 = default, c30 = default, c31 = default;
            var fma = Fma.IsSupported;
            for (var p = 0; p < k; p++)
            {
                var b0 = Vector256.Load(pb);
                var b1 = Vector256.Load(pb + 4);
                var a0 = Vector256.Create(pa[0]);
                var a1 = Vector256.Create(pa[1]);
                var a2 = Vector256.Create(pa[2]);
                var a3 = Vector256.Create(pa[3]);
                if (fma)
                {
                    c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
                    c10 = Fma.MultiplyAdd(a1, b0, c10); c11 = Fma.MultiplyAdd(a1, b1, c11);
                    c20 = Fma.MultiplyAdd(a2, b0, c20); c21 = Fma.MultiplyAdd(a2, b1, c21);
                    c30 = Fma.MultiplyAdd(a3, b0, c30); c31 = Fma.MultiplyAdd(a3, b1, c31);
                }
                else
                {
                    c00 += a0 * b0; c01 += a0 * b1; c10 += a1 * b0; c11 += a1 * b1;
                    c20 += a2 * b0; c21 += a2 * b1; c30 += a3 * b0; c31 += a3 * b1;
                }
                pa += Mr;
                pb += Nr;
            }
            var s = Vector256.Create(sign);
            if (full)
            {
                Store(pc, c00, c01, s);
                Store(pc + ldc, c10, c11, s);
                Store(pc + 2 * ldc, c20, c21, s);
                Store(pc + 3 * ldc, c30, c31, s);
                return;
            }
            var tmp = stackalloc double[Mr * Nr];
            c00.Store(tmp); c01.Store(tmp + 4); c10.Store(tmp + 8); c11.Store(tmp + 12);
            c20.Store(tmp + 16); c21.Store(tmp + 20); c30.Store(tmp + 24); c31.Store(tmp + 28);
            WriteBack(tmp, pc, ldc, sign, rows, cols, lowerOnly, diagRel);
        }
        else
        {
            var tmp = stackalloc double[Mr * Nr];
            for (var q = 0; q < Mr * Nr; q++) tmp[q] = 0;
            for (var p = 0; p < k; p++)
            {
                for (var r = 0; r < Mr; r++)
                {
                    var av = pa[r];
                    for (var j = 0; j < Nr; j++) tmp[r * Nr + j] += av * pb[j];
                }
                pa += Mr;
                pb += Nr;
            }
            WriteBack(tmp, pc, ldc, sign, rows, cols, lowerOnly, diagRel);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double* c, Vector256<double> v0, Vector256<double> v1, Vector256<double> s)
    {
        (Vector256.Load(c) + s * v0).Store(c);
        (Vector256.Load(c + 4) + s * v1).Store(c + 4);
    }

    private static void WriteBack(double* tmp, double* pc, int ldc, double sign, int rows, int cols, bool lowerOnly, int diagRel)
    {
        for (var r = 0; r < rows; r++)
        {
            var jMax = lowerOnly ? Math.Min(cols, r + diagRel + 1) : cols;
            for (var j = 0; j < jMax; j++) pc[r * ldc + j] += sign * tmp[r * Nr + j];
        }
    }
}
