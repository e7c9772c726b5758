namespace QuakeGrid.Core.Hazard;

/// <summary>The site list of a hazard tile (classical or event-based): job site indices, strictly ascending, in range.</summary>
public static class TileSiteIndices
{
    /// <summary>
    /// A copy of <paramref name="siteIndices"/> after checking that each lies in [0, <paramref name="siteCount"/>) and
    /// that they are strictly ascending (so any partition of the sites gives the same per-site order).
    /// </summary>
    public static int[] Checked(ReadOnlySpan<int> siteIndices, int siteCount)
    {
        for (var i = 0; i < siteIndices.Length; i++)
        {
            if ((uint)siteIndices[i] >= (uint)siteCount)
                throw new ArgumentOutOfRangeException(nameof(siteIndices), siteIndices[i], $"site index outside [0, {siteCount})");
            if (i > 0 && siteIndices[i] <= siteIndices[i - 1])
                throw new ArgumentException("site indices must be strictly ascending", nameof(siteIndices));
        }
        return siteIndices.ToArray();
    }
}
