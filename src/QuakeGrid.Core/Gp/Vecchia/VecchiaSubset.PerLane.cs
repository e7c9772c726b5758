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
        var groups = lanes / 4;
        Span<int> idx = stackalloc int[lanes];
        f.CopyTo(idx);
        var gather = Avx2.IsSupported;
        fixed (double* py = y, pw = weights, psd = sdAll)
        fixed (int* pn = _neighbours[0], pcount = _count, pidx = idx)
        fixed (ulong* pkey = keys, phash = _siteHash)
        {
            foreach (var i in rows)
            {
                var row = py + (long)i * width;
                var hash = phash[i];
                var sdRow = psd + (long)i * nf;
                for (var q = 0; q < we; q++) row[q] = sdRow[pidx[q]] * CounterNormal.DrawHashed(pkey[q], hash);
                for (var q = we; q < lanes; q++) row[q] = 0;
                var k = pcount[i];
                var ni = pn + (long)i * m;
                var wi = pw + (long)i * m * nf;
                var t = 0;
                for (; t + 1 < k; t += 2)
                {
                    var r0 = py + (long)ni[t] * width;
                    var r1 = py + (long)ni[t + 1] * width;
                    var w0 = wi + (long)t * nf;
                    var w1 = w0 + nf;
                    for (var g = 0; g < groups; g++)
                    {
                        var q = g * 4;
                        var b0 = Weights(w0, pidx + q, gather);
                        var b1 = Weights(w1, pidx + q, gather);
                        (Vector256.Load(row + q) + b0 * Vector256.Load(r0 + q) + b1 * Vector256.Load(r1 + q)).Store(row + q);
                    }
                }
                if (t < k)
                {
                    var r0 = py + (long)ni[t] * width;
                    var w0 = wi + (long)t * nf;
                    for (var g = 0; g < groups; g++)
                    {
                        var q = g * 4;
                        var b0 = Weights(w0, pidx + q, gather);
                        (Vector256.Load(row + q) + b0 * Vector256.Load(r0 + q)).Store(row + q);
                    }
                }
            }
        }
    }

    /// <summary>The four lanes' weights w[f_q] of one (row, neighbour) slot.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<double> Weights(double* w, int* f, bool gather) =>
        gather ? Avx2.GatherVector256(w, Vector128.Load(f), 8) : Vector256.Create(w[f[0]], w[f[1]], w[f[2]], w[f[3]]);
}
