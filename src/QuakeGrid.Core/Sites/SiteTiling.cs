namespace QuakeGrid.Core.Sites;

/// <summary>
/// One tile of a site collection: its id (0-based, in tiling order) and the positions of its sites in the input
/// collection, ascending along the tiling's space-filling curve.
/// </summary>
public sealed record SiteTile(int TileId, int[] SiteIndices)
{
    /// <summary>Number of sites in the tile.</summary>
    public int Count => SiteIndices.Length;
}

/// <summary>
/// Deterministic spatial tiling of sites into tiles of at most <c>tileSize</c> sites. Sites are ordered along a
/// Z-order (Morton) curve over a 2^16 x 2^16 grid spanning the collection's lon/lat bounding box, ties broken by
/// input position, and the ordered list is cut into ⌈n / tileSize⌉ consecutive chunks of equal size (± 1 site), so no
/// tile is a small remainder that leaves the others to do the work. Neighbouring sites therefore tend to share a tile. The result depends only on the coordinates and <c>tileSize</c>, never on time, threads or hashing.
/// Longitudes are taken as given (a collection spanning the antimeridian still tiles correctly, only less compactly).
/// </summary>
public static class SiteTiling
{
    private const int GridBits = 16;

    /// <summary>
    /// Splits <paramref name="sites"/> into ⌈n / <paramref name="tileSize"/>⌉ tiles of ⌊n / tiles⌋ or ⌈n / tiles⌉ sites
    /// (at most <paramref name="tileSize"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="tileSize"/> is not positive.</exception>
    public static IReadOnlyList<SiteTile> Split(SiteCollection sites, int tileSize)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (tileSize <= 0) throw new ArgumentOutOfRangeException(nameof(tileSize), tileSize, "tile size must be a positive number of sites");
        var n = sites.Count;
        if (n == 0) return Array.Empty<SiteTile>();

        var order = CurveOrder(sites.Lon, sites.Lat);
        var tiles = new SiteTile[(n + tileSize - 1) / tileSize];
        for (var t = 0; t < tiles.Length; t++)
        {
            var start = (int)((long)n * t / tiles.Length);
            var end = (int)((long)n * (t + 1) / tiles.Length);
            tiles[t] = new SiteTile(t, order.AsSpan(start, end - start).ToArray());
        }
        return tiles;
    }

    /// <summary>The sites at <paramref name="indices"/>, in that order, as a new collection.</summary>
    public static SiteCollection Extract(SiteCollection sites, ReadOnlySpan<int> indices, string source = "sites")
    {
        ArgumentNullException.ThrowIfNull(sites);
        var lon = new double[indices.Length];
        var lat = new double[indices.Length];
        var vs30 = new double[indices.Length];
        var z1 = new double[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            var j = indices[i];
            if ((uint)j >= (uint)sites.Count) throw new ArgumentOutOfRangeException(nameof(indices), j, $"site index {j} is outside 0..{sites.Count - 1}");
            lon[i] = sites.Lon[j];
            lat[i] = sites.Lat[j];
            vs30[i] = sites.Vs30[j];
            z1[i] = sites.Z1pt0[j];
        }
        return new SiteCollection(lon, lat, vs30, z1, source);
    }

    /// <summary>Input positions sorted by Morton key, then by position.</summary>
    private static int[] CurveOrder(double[] lon, double[] lat)
    {
        var n = lon.Length;
        double minLon = double.PositiveInfinity, maxLon = double.NegativeInfinity;
        double minLat = double.PositiveInfinity, maxLat = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            minLon = Math.Min(minLon, lon[i]); maxLon = Math.Max(maxLon, lon[i]);
            minLat = Math.Min(minLat, lat[i]); maxLat = Math.Max(maxLat, lat[i]);
        }
        // One common cell size keeps the grid square in degrees, so tiles are compact in both directions.
        var span = Math.Max(maxLon - minLon, maxLat - minLat);
        var scale = span > 0 ? ((1 << GridBits) - 1) / span : 0.0;

        var keys = new ulong[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            var x = (uint)Math.Floor((lon[i] - minLon) * scale);
            var y = (uint)Math.Floor((lat[i] - minLat) * scale);
            // Key: 32-bit Morton code in the high half, input position in the low half, so the sort is total.
            keys[i] = ((ulong)Interleave(x, y) << 32) | (uint)i;
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Interleaves the low 16 bits of x (even bits) and y (odd bits).</summary>
    private static uint Interleave(uint x, uint y) => Spread(x) | (Spread(y) << 1);

    private static uint Spread(uint v)
    {
        v &= 0xFFFF;
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        v = (v | (v << 1)) & 0x55555555;
        return v;
    }
}
