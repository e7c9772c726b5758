using System.Numerics;
using System.Runtime.CompilerServices;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Exceedance counting by histogram: a ground motion ln y falls in bin = #{levels l : ln y &gt; ln x_l} (levels strictly
/// increasing, so this is also the number of levels it exceeds); one increment per (site, event) instead of one per
/// exceeded level. The exceedance count of level l is then the number of events in bins above l
/// (<see cref="AddExceedanceCounts{T}(ReadOnlySpan{T}, Span{long})"/>).
/// <para>
/// The bin comes from a lookup table over a uniform grid in ln y whose cells are narrower than the smallest gap between
/// levels, so each cell holds at most one level: bin = table[cell] + (ln y &gt; level[table[cell]]) — exact, one
/// comparison (plus two guards against rounding at cell edges). Outside the grid (below the first or above the last level) the bin is 0 or the level count. When the
/// levels are too unevenly spaced for a table of <see cref="MaxCells"/> cells, a branch-free binary search over the
/// levels padded with +∞ to a power of two is used instead.
/// </para>
/// </summary>
internal sealed class LevelBins
{
    /// <summary>Largest lookup table.</summary>
    public const int MaxCells = 1 << 14;

    private readonly double[] _padded;
    private readonly int _half;
    private readonly int[]? _table;
    private readonly double _lo, _inv, _cellWidth;

    public LevelBins(double[] lnLevels)
    {
        Levels = lnLevels.Length;
        var p = 1;
        while (p < Levels + 1) p <<= 1;
        _padded = new double[p];
        Array.Fill(_padded, double.PositiveInfinity);
        lnLevels.CopyTo(_padded, 0);
        _half = p >> 1;
        if (Levels < 2) return;
        var minGap = double.PositiveInfinity;
        for (var l = 1; l < Levels; l++) minGap = Math.Min(minGap, lnLevels[l] - lnLevels[l - 1]);
        var span = lnLevels[^1] - lnLevels[0];
        var cells = (int)Math.Min(MaxCells + 1.0, Math.Ceiling(span / minGap * 2) + 1);
        if (cells > MaxCells || !(minGap > 0)) return;
        _lo = lnLevels[0];
        var width = span / (cells - 1);
        _cellWidth = width;
        _inv = 1.0 / width;
        // table[c] = number of levels strictly below the cell's lower edge, i.e. the bin of any ln y in the cell up to the
        // one level the cell may contain (cells are at most minGap / 2 wide).
        _table = new int[cells + 1];
        for (var c = 0; c <= cells; c++)
        {
            var edge = _lo + c * width;
            var k = 0;
            while (k < Levels && lnLevels[k] < edge) k++;
            _table[c] = Math.Min(k, Levels - 1);
        }
    }

    /// <summary>Number of levels.</summary>
    public int Levels { get; }
    /// <summary>Bins per site (levels + 1).</summary>
    public int Bins => Levels + 1;

    /// <summary>Lookup table (cell → levels below the cell's lower edge <c>Lo + cell · CellWidth</c>, at most
    /// <see cref="Levels"/> − 1), or null when the levels use the binary search.</summary>
    internal int[]? Table => _table;
    /// <summary>The ln levels padded with +∞ to a power of two (at least <see cref="Levels"/> + 1 entries).</summary>
    internal double[] Padded => _padded;
    /// <summary>ln y of the table's first cell edge (the first level).</summary>
    internal double Lo => _lo;
    /// <summary>1 / <see cref="CellWidth"/>.</summary>
    internal double InverseCellWidth => _inv;
    /// <summary>Width of a table cell in ln y (at most half the smallest gap between levels).</summary>
    internal double CellWidth => _cellWidth;

    /// <summary>#{l : lnY &gt; lnLevel_l}, in [0, Levels].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Bin(double lnY)
    {
        if (_table is { } table)
        {
            var t = (lnY - _lo) * _inv;
            if (!(t >= 0)) return 0; // below the first level (or NaN)
            if (t >= table.Length - 1) return lnY > _padded[Levels - 1] ? Levels : BinarySearch(lnY);
            var k = table[(int)t];
            // Guard against rounding in t at a cell edge: the levels below k must lie below ln y, level k + 1 above it.
            if ((k > 0 && !(lnY > _padded[k - 1])) || lnY > _padded[k + 1]) return BinarySearch(lnY);
            return lnY > _padded[k] ? k + 1 : k;
        }
        return BinarySearch(lnY);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BinarySearch(double lnY)
    {
        ref var a = ref _padded[0];
        var pos = 0;
        for (var step = _half; step > 0; step >>= 1)
            pos += Unsafe.Add(ref a, pos + step - 1) < lnY ? step : 0;
        return pos;
    }

    /// <summary>
    /// Adds the exceedance counts (site-major, <see cref="Levels"/> per site) of bin histograms (<see cref="Bins"/> per
    /// site; 16-bit in the event-based tile, any integer width in tests) to <paramref name="counts"/>; sites without
    /// events are skipped (their counts are not touched).
    /// </summary>
    public void AddExceedanceCounts<T>(ReadOnlySpan<T> histogram, Span<long> counts) where T : unmanaged, IBinaryInteger<T>
    {
        var nb = Bins;
        var nl = Levels;
        var sites = histogram.Length / nb;
        for (var s = 0; s < sites; s++)
        {
            var h = histogram.Slice(s * nb, nb);
            if (!h.ContainsAnyExcept(T.Zero)) continue; // no event reached the site
            var c = counts.Slice(s * nl, nl);
            long above = 0;
            for (var l = nl - 1; l >= 0; l--)
            {
                above += long.CreateTruncating(h[l + 1]);
                c[l] += above;
            }
        }
    }
}
