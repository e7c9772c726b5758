using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Splits a job's occurring ruptures (in the event set's order) into contiguous batches. A deterministic function of the
/// event set and the requested batch size, so every silo derives the same batch ids.
/// </summary>
public static class RuptureBatching
{
    /// <summary>Site-events per batch (all tiles together) the automatic split aims at.</summary>
    public const double TargetSiteEventsPerBatch = 20e6;

    /// <summary>Fewest batches of the automatic split (when there are that many ruptures), so progress is visible.</summary>
    public const int MinAutomaticBatches = 32;

    /// <summary>
    /// Fixed-size batches when <paramref name="rupturesPerBatch"/> &gt; 0; otherwise batches of about equal event counts,
    /// at least <see cref="MinAutomaticBatches"/> and enough that each holds about <see cref="TargetSiteEventsPerBatch"/>
    /// site-events over <paramref name="siteCount"/> sites.
    /// </summary>
    public static RuptureBatch[] Split(IReadOnlyList<RuptureOccurrence> events, int siteCount, int rupturesPerBatch)
    {
        var n = events.Count;
        if (n == 0) return [];
        var batches = new List<RuptureBatch>();
        if (rupturesPerBatch > 0)
        {
            for (var first = 0; first < n; first += rupturesPerBatch)
            {
                var count = Math.Min(rupturesPerBatch, n - first);
                batches.Add(new RuptureBatch(batches.Count, first, count, Sum(events, first, count)));
            }
            return [.. batches];
        }

        var total = Sum(events, 0, n);
        var wanted = (int)Math.Min(n, Math.Max(MinAutomaticBatches, Math.Ceiling(total * (double)siteCount / TargetSiteEventsPerBatch)));
        // Cut where the cumulative event count passes each k/wanted of the total.
        long cumulative = 0;
        var start = 0;
        for (var i = 0; i < n; i++)
        {
            cumulative += events[i].Occurrences;
            var k = batches.Count + 1;
            var lastRupture = i == n - 1;
            if (lastRupture || (cumulative * (double)wanted >= k * (double)total && n - (i + 1) > 0))
            {
                batches.Add(new RuptureBatch(batches.Count, start, i + 1 - start, Sum(events, start, i + 1 - start)));
                start = i + 1;
            }
        }
        return [.. batches];
    }

    private static long Sum(IReadOnlyList<RuptureOccurrence> events, int first, int count)
    {
        long s = 0;
        for (var i = first; i < first + count; i++) s += events[i].Occurrences;
        return s;
    }
}
