using System.Runtime.CompilerServices;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Exceedance counting by histogram: a ground motion ln y falls in bin = #{levels l : ln y &gt; ln x_l} (levels strictly
/// increasing, so this is also the number of levels it exceeds), found by a branch-free binary search over the levels
/// padded with +∞ to a power of two; one increment per (site, event) instead of one per exceeded level. The exceedance
/// count of level l is then the number of events in bins above l (<see cref="ToExceedanceCounts"/>).
/// </summary>
internal sealed class LevelBins
{
    private readonly double[] _padded;
    private readonly int _half;

    public LevelBins(double[] lnLevels)
    {
        Levels = lnLevels.Length;
        var p = 1;
        while (p < Levels + 1) p <<= 1;
        _padded = new double[p];
        Array.Fill(_padded, double.PositiveInfinity);
        lnLevels.CopyTo(_padded, 0);
        _half = p >> 1;
    }

    /// <summary>Number of levels.</summary>
    public int Levels { get; }
    /// <summary>Bins per site (levels + 1).</summary>
    public int Bins => Levels + 1;

    /// <summary>#{l : lnY &gt; lnLevel_l}, in [0, Levels].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Bin(double lnY)
    {
        ref var a = ref _padded[0];
        var pos = 0;
        for (var step = _half; step > 0; step >>= 1)
            pos += Unsafe.Add(ref a, pos + step - 1) < lnY ? step : 0;
        return pos;
    }

    /// <summary>Exceedance counts (site-major, <see cref="Levels"/> per site) from bin histograms (<see cref="Bins"/> per site).</summary>
    public void ToExceedanceCounts(ReadOnlySpan<long> histogram, Span<long> counts)
    {
        var nb = Bins;
        var nl = Levels;
        var sites = histogram.Length / nb;
        for (var s = 0; s < sites; s++)
        {
            var h = histogram.Slice(s * nb, nb);
            var c = counts.Slice(s * nl, nl);
            long above = 0;
            for (var l = nl - 1; l >= 0; l--)
            {
                above += h[l + 1];
                c[l] = above;
            }
        }
    }
}
