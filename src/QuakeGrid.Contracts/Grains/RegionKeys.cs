namespace QuakeGrid.Contracts.Grains;

/// <summary>Primary keys of region grains: one grain per (job, tile).</summary>
public static class RegionKeys
{
    /// <summary>The key <c>{jobId}/tile-{tileId}</c>.</summary>
    public static string For(string jobId, int tileId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentOutOfRangeException.ThrowIfNegative(tileId);
        return $"{jobId}/tile-{tileId}";
    }
}
