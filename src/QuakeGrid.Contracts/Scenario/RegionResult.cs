namespace QuakeGrid.Contracts.Scenario;

/// <summary>
/// Ground motion of one region tile. Arrays are flattened IMT-major: value of IMT k at the tile's site i is at
/// <c>k * SiteIndices.Length + i</c>. <see cref="SiteIndices"/> give each site's position in the job's input.
/// LnMedian in ln g (ln cm/s for PGV); Tau, Phi and Sigma are standard deviations of ln Y.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.RegionResult")]
public sealed record RegionResult(
    [property: Id(0)] int TileId,
    [property: Id(1)] string[] Imts,
    [property: Id(2)] int[] SiteIndices,
    [property: Id(3)] double[] LnMedian,
    [property: Id(4)] double[] Tau,
    [property: Id(5)] double[] Phi,
    [property: Id(6)] double[] Sigma);
