namespace QuakeGrid.Core.Gp.Vecchia;

public sealed partial class VecchiaStructure
{
    /// <summary>
    /// Neighbour rows of the <see cref="NeighbourRule.Mixed"/> rule: per position, the nearest earlier sites in planar
    /// X/Y (the first two feature coordinates, km) at offset 0 and the nearest earlier sites in the feature space at
    /// offset <see cref="VecchiaOptions.SpatialNeighbours"/>; the factor picks the most correlated of the latter.
    /// </summary>
    private static void FindMixedNeighbours(double[][] coords, KdTree featureTree, int[] order, int[] rank, VecchiaOptions options, int[] nbr, int maxParallelism)
    {
        if (coords.Length < 2) throw new ArgumentException("the mixed neighbour rule needs planar X/Y as the first two feature coordinates");
        var n = order.Length;
        var stride = options.StoredNeighbours;
        var spatial = options.SpatialNeighbours;
        var pool = stride - spatial;
        KdTree? planar = null;
        if (spatial > 0)
        {
            planar = new KdTree(coords[0], coords[1]);
            planar.AssignRanks(rank);
        }
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
            () => (new int[Math.Max(1, pool)], new double[Math.Max(1, pool)]),
            (i, _, scratch) =>
            {
                var site = order[i];
                var row = (long)i * stride;
                if (planar is not null)
                {
                    var found = planar.NearestBefore(site, i, Math.Min(i, spatial), scratch.Item1, scratch.Item2);
                    for (var k = 0; k < found; k++) nbr[row + k] = rank[scratch.Item1[k]];
                }
                var got = featureTree.NearestBefore(site, i, Math.Min(i, pool), scratch.Item1, scratch.Item2);
                for (var k = 0; k < got; k++) nbr[row + spatial + k] = rank[scratch.Item1[k]];
                return scratch;
            }, _ => { });
    }
}
