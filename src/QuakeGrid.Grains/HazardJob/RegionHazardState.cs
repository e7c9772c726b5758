namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Persisted state of a region hazard grain, written in one piece after each batch so the results and the set of batches
/// they include never disagree: the job's bundle fingerprint, the tile's job site indices (ascending), the applied
/// batch ids (ascending), and either the exceedance counts <c>[branch][imt][i · nLevels + l]</c> (event-based) or the
/// annual exceedance rates in the same layout (classical; batches applied in id order), and the site-events (classical:
/// site-ruptures) evaluated.
/// </summary>
[GenerateSerializer, Alias("QuakeGrid.RegionHazardState")]
public sealed class RegionHazardState
{
    [Id(0)] public string? Fingerprint { get; set; }
    [Id(1)] public int[] SiteIndices { get; set; } = [];
    [Id(2)] public List<int> AppliedBatches { get; set; } = [];
    [Id(3)] public long[][][] Counts { get; set; } = [];
    [Id(4)] public long SiteEvents { get; set; }
    [Id(5)] public double[][][] Rates { get; set; } = [];
}
