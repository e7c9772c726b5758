using QuakeGrid.Core.Sources.Ruptures;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// The ruptures of the stochastic event set that occur at least once, in the plan's order (source, then rupture index):
/// the rupture, its id, its occurrence count, the stream seed of its ground-motion draws, and a Morton key of its
/// hypocentre (a tile groups nearby ruptures into one Vecchia sweep by it; speed only).
/// </summary>
internal sealed class OccurringRuptures(ProbabilisticRupture[] ruptures, long[] ids, int[] occurrences, ulong[] gmfSeeds, ulong[] spatialKeys)
{
    public ProbabilisticRupture[] Ruptures { get; } = ruptures;
    public long[] Ids { get; } = ids;
    public int[] Occurrences { get; } = occurrences;
    /// <summary>SeedDerivation.Derive(random_seed, id, "gmf").</summary>
    public ulong[] GmfSeeds { get; } = gmfSeeds;
    public ulong[] SpatialKeys { get; } = spatialKeys;
    public int Count => Ids.Length;

    /// <summary>Morton code of (lon, lat) quantised to 2^-16 of the globe's extent.</summary>
    public static ulong SpatialKey(double lon, double lat)
    {
        var qx = (uint)Math.Clamp((lon + 180.0) / 360.0 * 65535.0, 0, 65535);
        var qy = (uint)Math.Clamp((lat + 90.0) / 180.0 * 65535.0, 0, 65535);
        return Spread(qx) | (Spread(qy) << 1);
    }

    private static ulong Spread(uint v)
    {
        ulong z = v & 0xFFFF;
        z = (z | (z << 8)) & 0x00FF00FFUL;
        z = (z | (z << 4)) & 0x0F0F0F0FUL;
        z = (z | (z << 2)) & 0x33333333UL;
        z = (z | (z << 1)) & 0x55555555UL;
        return z;
    }
}
