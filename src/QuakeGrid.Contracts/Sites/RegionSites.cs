namespace QuakeGrid.Contracts.Sites;

/// <summary>
/// The sites of one region tile, as structure-of-arrays. <see cref="SiteIndices"/> are the sites' positions in the
/// job's input site collection (so results can be put back in input order). Lon/lat in decimal degrees, Vs30 in m/s,
/// z1.0 in metres (NaN = unknown). All arrays have the same length.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.RegionSites")]
public sealed record RegionSites(
    [property: Id(0)] int TileId,
    [property: Id(1)] int[] SiteIndices,
    [property: Id(2)] double[] Lon,
    [property: Id(3)] double[] Lat,
    [property: Id(4)] double[] Vs30,
    [property: Id(5)] double[] Z1pt0)
{
    /// <summary>Number of sites in the tile.</summary>
    public int Count => SiteIndices.Length;
}
