namespace QuakeGrid.Contracts.Grains;

/// <summary>Primary keys of region hazard grains: one grain per (job, tile).</summary>
public static class HazardRegionKeys
{
    /// <summary>The key <c>{jobId}/hazard-tile-{tileId}</c>.</summary>
    public static string For(string jobId, int tileId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentOutOfRangeException.ThrowIfNegative(tileId);
        return $"{jobId}/hazard-tile-{tileId}";
    }
}
