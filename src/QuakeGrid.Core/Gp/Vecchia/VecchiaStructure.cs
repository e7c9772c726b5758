using System.Diagnostics;

namespace QuakeGrid.Core.Gp.Vecchia;

/// <summary>
/// The kernel-independent part of a Vecchia approximation over a site set: the order and, for each position, the
/// nearest earlier positions (sorted by distance). Built once per site set from planar coordinates (km); reusable by
/// every kernel, IMT and event (a factor that varies per event — EA/EAS with a new epicentre — is rebuilt on the same
/// structure with <see cref="VecchiaFactor.Compute"/>). Memory O(N·m): 4 bytes per stored neighbour.
/// </summary>
public sealed partial class VecchiaStructure
{
    internal VecchiaStructure(int[] order, int[] rank, double[] length, int stride, int[] neighbours, VecchiaOptions options, TimeSpan orderingTime, TimeSpan neighbourTime)
    {
        Order = order;
        Rank = rank;
        Length = length;
        Stride = stride;
        Neighbours = neighbours;
        Options = options;
        OrderingTime = orderingTime;
        NeighbourTime = neighbourTime;
    }

    /// <summary>Site index at each position of the sweep.</summary>
    public int[] Order { get; }
    /// <summary>Position of each site.</summary>
    public int[] Rank { get; }
    /// <summary>Max-min distance l at each position, km (+∞ at position 0).</summary>
    public double[] Length { get; }
    /// <summary>Neighbour slots per position.</summary>
    public int Stride { get; }
    /// <summary>Earlier positions nearest to each position: row i holds min(i, Stride) entries at i·Stride, nearest first.</summary>
    public int[] Neighbours { get; }
    public VecchiaOptions Options { get; }
    public int Count => Order.Length;
    public TimeSpan OrderingTime { get; }
    public TimeSpan NeighbourTime { get; }

    /// <summary>
    /// Neighbour count at position <paramref name="i"/>. For <see cref="NeighbourRule.Mixed"/> the row holds min(i, S)
    /// planar neighbours at offset 0 and min(i, Stride − S) feature-space candidates at offset S (S = spatial neighbours),
    /// each part nearest first; this returns their sum.
    /// </summary>
    public int NeighbourCount(int i) => Options.Rule == NeighbourRule.Mixed
        ? Math.Min(i, Options.SpatialNeighbours) + Math.Min(i, Stride - Options.SpatialNeighbours)
        : Math.Min(i, Stride);

    /// <summary>Builds the order and neighbour lists for planar site coordinates <paramref name="x"/>, <paramref name="y"/> (km).</summary>
    public static VecchiaStructure Build(double[] x, double[] y, VecchiaOptions? options = null, int maxParallelism = -1) =>
        Build([x, y], options, maxParallelism);

    /// <summary>
    /// Builds the order and neighbour lists in a feature space (<c>coords[d][site]</c>, 1–8 dimensions): planar km for
    /// isotropic kernels, or scaled coordinates from <see cref="VecchiaFeatures"/> ("scaled Vecchia", Katzfuss, Guinness &amp;
    /// Lawrence 2022) for kernels with Vs30/azimuth terms. Level+Morton sorting uses the first two coordinates.
    /// </summary>
    public static VecchiaStructure Build(double[][] coords, VecchiaOptions? options = null, int maxParallelism = -1)
    {
        options ??= new VecchiaOptions();
        options.Validate();
        if (options.Ordering == VecchiaOrdering.LevelCell) return LevelCellStructure.Build(coords, options, maxParallelism);
        var n = coords[0].Length;
        var sw = Stopwatch.StartNew();
        var tree = new KdTree(coords);
        var (order, length) = MaxMinOrdering.Compute(coords, tree);
        if (options.Ordering == VecchiaOrdering.LevelMorton) (order, length) = LevelMortonSort(coords[0], coords[1 % coords.Length], order, length);
        var rank = new int[n];
        for (var p = 0; p < n; p++) rank[order[p]] = p;
        tree.AssignRanks(rank);
        var orderingTime = sw.Elapsed;
        sw.Restart();

        var stride = options.StoredNeighbours;
        var nbr = new int[(long)n * stride];
        if (options.Rule == NeighbourRule.Mixed)
        {
            FindMixedNeighbours(coords, tree, order, rank, options, nbr, maxParallelism);
            return new VecchiaStructure(order, rank, length, stride, nbr, options, orderingTime, sw.Elapsed);
        }
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
            () => (new int[stride], new double[stride]),
            (i, _, scratch) =>
            {
                var site = order[i];
                var found = tree.NearestBefore(site, i, Math.Min(i, stride), scratch.Item1, scratch.Item2);
                for (var k = 0; k < found; k++) nbr[(long)i * stride + k] = rank[scratch.Item1[k]];
                return scratch;
            }, _ => { });
        return new VecchiaStructure(order, rank, length, stride, nbr, options, orderingTime, sw.Elapsed);
    }

    /// <summary>
    /// Sorts the max-min order by (level, Morton code, max-min position) without a comparison delegate: a counting sort
    /// by level (stable, so each level keeps max-min order), then each level's positions sorted by their 64-bit Morton
    /// keys, with runs of equal keys put back in max-min order.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static (int[] Order, double[] Length) LevelMortonSort(double[] x, double[] y, int[] order, double[] length)
    {
        var n = order.Length;
        if (n < 3) return (order, length);
        double minX = x.Min(), maxX = x.Max(), minY = y.Min(), maxY = y.Max();
        var span = Math.Max(maxX - minX, maxY - minY);
        if (span <= 0) span = 1;
        var l1 = length[1];
        var level = new int[n];
        var maxLevel = 0;
        for (var p = 1; p < n; p++)
        {
            // Position 0 gets level 0 here and sorts first below (alone in its bucket); others are shifted by one.
            level[p] = 1 + (int)Math.Floor(Math.Log2(l1 / Math.Max(length[p], 1e-300)));
            if (level[p] > maxLevel) maxLevel = level[p];
        }
        var start = new int[maxLevel + 2];
        for (var p = 0; p < n; p++) start[level[p] + 1]++;
        for (var l = 1; l < start.Length; l++) start[l] += start[l - 1];
        var pos = new int[n];
        var keys = new ulong[n];
        var next = (int[])start.Clone();
        for (var p = 0; p < n; p++)
        {
            var k = next[level[p]]++;
            pos[k] = p;
            var s = order[p];
            var qx = (uint)Math.Min(2097151, (x[s] - minX) / span * 2097151);
            var qy = (uint)Math.Min(2097151, (y[s] - minY) / span * 2097151);
            keys[k] = Interleave(qx) | (Interleave(qy) << 1);
        }
        for (var l = 0; l <= maxLevel; l++)
        {
            int a = start[l], e = start[l + 1];
            if (e - a < 2) continue;
            Array.Sort(keys, pos, a, e - a);
            for (var k = a; k < e;)
            {
                var r = k + 1;
                while (r < e && keys[r] == keys[k]) r++;
                if (r - k > 1) Array.Sort(pos, k, r - k);
                k = r;
            }
        }
        var newOrder = new int[n];
        var newLength = new double[n];
        for (var k = 0; k < n; k++)
        {
            newOrder[k] = order[pos[k]];
            newLength[k] = length[pos[k]];
        }
        return (newOrder, newLength);
    }

    // Spreads the low 21 bits of v to the even bits of a 64-bit word.
    internal static ulong Interleave(uint v)
    {
        ulong z = v & 0x1FFFFF;
        z = (z | (z << 32)) & 0x001F00000000FFFFUL;
        z = (z | (z << 16)) & 0x001F0000FF0000FFUL;
        z = (z | (z << 8)) & 0x100F00F00F00F00FUL;
        z = (z | (z << 4)) & 0x10C30C30C30C30C3UL;
        z = (z | (z << 2)) & 0x1249249249249249UL;
        return z;
    }
}
