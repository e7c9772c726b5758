namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Exceedance counts of one tile for a batch of ruptures: <c>Counts[branch][imt][localSite · nLevels + level]</c> is the
/// number of events whose ground motion at the site exceeded the level (local sites in the tile's ascending order).
/// <see cref="SiteEvents"/>: (event, tile site within <c>maximum_distance</c>) pairs simulated — each pair covers every
/// IMT and gsim branch; <see cref="Events"/>: events simulated. Integers, so sums over tiles and batches are exact.
/// </summary>
public sealed record TileCounts(long[][][] Counts, long SiteEvents, long Events)
{
    /// <summary>Adds <paramref name="other"/>'s counts into this one's arrays (same tile shape); returns the summed record.</summary>
    public TileCounts Add(TileCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Counts.Length != Counts.Length) throw new ArgumentException("branch counts differ", nameof(other));
        for (var b = 0; b < Counts.Length; b++)
        for (var k = 0; k < Counts[b].Length; k++)
        {
            var dst = Counts[b][k];
            var src = other.Counts[b][k];
            if (src.Length != dst.Length) throw new ArgumentException("tile shapes differ", nameof(other));
            for (var i = 0; i < dst.Length; i++) dst[i] += src[i];
        }
        return this with { SiteEvents = SiteEvents + other.SiteEvents, Events = Events + other.Events };
    }
}
