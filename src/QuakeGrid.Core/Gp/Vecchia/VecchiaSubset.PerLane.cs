using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace QuakeGrid.Core.Gp.Vecchia;

public sealed partial class VecchiaSubset
{
    private readonly Lock _interleaveGate = new();
    private double[]? _interleavedWeights;
    private double[]? _interleavedSd;

    /// <summary>
    /// <see cref="Sweep"/> with a factor per lane: lane e uses factor <paramref name="laneFactor"/>[e] (e.g. the posterior
    /// draw of event e). Needs factors that share their conditioning sets (same neighbour positions). Every lane's values
    /// are bit-identical to <see cref="Sweep"/> with that lane's factor (the same operations in the same order; the
    /// weights are gathered per lane instead of broadcast), so an event's field does not depend on the events swept
    /// beside it. The first call builds a copy of the weights interleaved by factor (row, neighbour, factor), so that a
    /// lane group's four weights are one AVX2 gather from one 8·F-byte run: F times the memory of one factor's weights.
    /// </summary>
    public void SweepPerLane(ReadOnlySpan<int> laneFactor, ReadOnlySpan<int> rows, ReadOnlySpan<ulong> keys, int width, double[] y)
    {
        var we = keys.Length;
        if (width % 4 != 0 || we > width) throw new ArgumentException("width must be a multiple of 4 and at least the number of keys");
        if (laneFactor.Length < we) throw new ArgumentException("one factor per lane is needed", nameof(laneFactor));
        if (y.LongLength < (long)Count * width) throw new ArgumentException("field buffer shorter than rows × width", nameof(y));
        if (!_sharedNeighbours) throw new InvalidOperationException("a per-lane sweep needs factors with shared conditioning sets");
        var nf = _weights.Length;
        for (var q = 0; q < we; q++)
            if ((uint)laneFactor[q] >= (uint)nf)
                throw new ArgumentOutOfRangeException(nameof(laneFactor), laneFactor[q], $"factor index outside [0, {nf})");
        var lanes = (we + 3) & ~3;
        // Padding lanes start at 0 and only add weights times padding lanes (0), so they stay 0 as in Sweep; they borrow
        // lane 0's factor.
        Span<int> f = stackalloc int[lanes];
        for (var q = 0; q < lanes; q++) f[q] = q < we ? laneFactor[q] : we > 0 ? laneFactor[0] : 0;
        var (weights, sd) = Interleaved();
        SweepInterleaved(weights, sd, f, rows, keys, width, y, lanes);
    }

    /// <summary>Weights at ((row·m + t)·F + factor) and sqrt(d) at (row·F + factor), built once.</summary>
    private (double[] Weights, double[] Sd) Interleaved()
    {
        if (_interleavedWeights is { } w0 && _interleavedSd is { } s0) return (w0, s0);
        lock (_interleaveGate)
        {
            if (_interleavedWeights is null || _interleavedSd is null)
            {
                var nf = _weights.Length;
                var slots = (long)Count * _m;
                var w = new double[slots * nf];
                var sd = new double[(long)Count * nf];
                for (var k = 0; k < nf; k++)
                {
                    var src = _weights[k];
                    for (long o = 0; o < slots; o++) w[o * nf + k] = src[o];
                    var s = _sd[k];
                    for (var i = 0; i < Count; i++) sd[(long)i * nf + k] = s[i];
                }
                _interleavedSd = sd;
                _interleavedWeights = w;
            }
            return (_interleavedWeights, _interleavedSd);
        }
    }

    private unsafe void SweepInterleaved(double[] weights, double[] sdAll, ReadOnlySpan<int> f, ReadOnlySpan<int> rows, ReadOnlySpan<ulong> keys,
        int width, double[] y, int lanes)
    {
        var we = keys.Length;
        var m = _m;
        var nf = _weights.Length;
        Span<int> idx = stackalloc int[lanes];
        f.CopyTo(idx);
        var gather = Avx2.IsSupported;
        var vector = CounterNormal.BatchAccelerated;
        fixed (double* py = y, pw = weights, psd = sdAll)
        fixed (int* pn = _neighbours[0], pcount = _count, pidx = idx)
        fixed (ulong* phash = _siteHash)
        {
            foreach (var i in rows)
            {
                var row = py + (long)i * width;
                var sdRow = psd + (long)i * nf;
                CounterNormal.DrawHashedCore(keys, phash[i], new Span<double>(row, we), vector);
                for (var q = 0; q < we; q++) row[q] = sdRow[pidx[q]] * row[q];
                for (var q = we; q < lanes; q++) row[q] = 0;
                var k = pcount[i];
                var ni = pn + (long)i * m;
                var wi = pw + (long)i * m * nf;
                var q0 = 0;
                for (; q0 + 16 <= lanes; q0 += 16) PerLaneBlock16(row + q0, wi, nf, pidx + q0, ni, k, py + q0, width, gather);
                for (; q0 < lanes; q0 += 4) PerLaneBlock4(row + q0, wi, nf, pidx + q0, ni, k, py + q0, width, gather);
            }
        }
    }

    /// <summary>
    /// Sixteen lanes of one row kept in registers across the neighbours: acc = row (sqrt(d)·z), acc = acc + b_t·y_t in
    /// slot order with each lane's own weight — per lane the operations of <see cref="Sweep"/>.
    /// </summary>
    private static unsafe void PerLaneBlock16(double* row, double* w, int nf, int* f, int* n, int k, double* y, int width, bool gather)
    {
        var a0 = Vector256.Load(row);
        var a1 = Vector256.Load(row + 4);
        var a2 = Vector256.Load(row + 8);
        var a3 = Vector256.Load(row + 12);
        for (var t = 0; t < k; t++)
        {
            var r = y + (long)n[t] * width;
            var wt = w + (long)t * nf;
            a0 += Weights(wt, f, gather) * Vector256.Load(r);
            a1 += Weights(wt, f + 4, gather) * Vector256.Load(r + 4);
            a2 += Weights(wt, f + 8, gather) * Vector256.Load(r + 8);
            a3 += Weights(wt, f + 12, gather) * Vector256.Load(r + 12);
        }
        a0.Store(row);
        a1.Store(row + 4);
        a2.Store(row + 8);
        a3.Store(row + 12);
    }

    /// <summary><see cref="PerLaneBlock16"/> for four lanes.</summary>
    private static unsafe void PerLaneBlock4(double* row, double* w, int nf, int* f, int* n, int k, double* y, int width, bool gather)
    {
        var a = Vector256.Load(row);
        for (var t = 0; t < k; t++) a += Weights(w + (long)t * nf, f, gather) * Vector256.Load(y + (long)n[t] * width);
        a.Store(row);
    }

    /// <summary>The four lanes' weights w[f_q] of one (row, neighbour) slot.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<double> Weights(double* w, int* f, bool gather) =>
        gather ? Avx2.GatherVector256(w, Vector128.Load(f), 8) : Vector256.Create(w[f[0]], w[f[1]], w[f[2]], w[f[3]]);
}
