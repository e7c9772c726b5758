using QuakeGrid.Contracts.Sites;

namespace QuakeGrid.Grains.Regions;

/// <summary>Persisted state of a region grain: the tile's sites (null before they are loaded).</summary>
[GenerateSerializer, Alias("QuakeGrid.RegionState")]
public sealed class RegionState
{
    /// <summary>The tile's sites.</summary>
    [Id(0)]
    public RegionSites? Sites { get; set; }
}
