using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Splits a job's ruptures into contiguous batches: an event-based job's occurring ruptures (in the event set's order),
/// or all of a classical job's ruptures. A deterministic function of the
/// event set and the requested batch size, so every silo derives the same batch ids.
/// </summary>
public static class RuptureBatching
{
    /// <summary>Site-events per batch (all tiles together) the automatic split aims at.</summary>
    public const double TargetSiteEventsPerBatch = 20e6;

    /// <summary>
    /// Fewest batches of the automatic split (when there are that many ruptures), so progress is visible. Each batch ends
    /// in a state write of the tile's whole count (or rate) table, whose cost grows with tiles × batches × sites and not
    /// with the events: 8 rather than 32 batches took the Nepal benchmark job (27,951 sites, 14 tiles) on the embedded
    /// silo from 5.2–6.2 s to 4.7–4.8 s of job wall time (docs/benchmarks.md, "Distributed hazard").
    /// </summary>
    public const int MinAutomaticBatches = 8;

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

    /// <summary>
    /// Batches of a classical job's <paramref name="ruptureCount"/> ruptures (source then rupture order; each batch's
    /// <see cref="RuptureBatch.Events"/> is its rupture count): fixed-size when <paramref name="rupturesPerBatch"/> &gt; 0,
    /// otherwise about equal ranges, at least <see cref="MinAutomaticBatches"/> and enough that each holds about
    /// <see cref="TargetSiteEventsPerBatch"/> site-ruptures over <paramref name="siteCount"/> sites. Deterministic.
    /// </summary>
    public static RuptureBatch[] SplitEvenly(int ruptureCount, int siteCount, int rupturesPerBatch)
    {
        if (ruptureCount == 0) return [];
        var batches = new List<RuptureBatch>();
        if (rupturesPerBatch > 0)
        {
            for (var first = 0; first < ruptureCount; first += rupturesPerBatch)
            {
                var count = Math.Min(rupturesPerBatch, ruptureCount - first);
                batches.Add(new RuptureBatch(batches.Count, first, count, count));
            }
            return [.. batches];
        }
        var wanted = (int)Math.Min(ruptureCount, Math.Max(MinAutomaticBatches, Math.Ceiling(ruptureCount * (double)siteCount / TargetSiteEventsPerBatch)));
        for (var k = 0; k < wanted; k++)
        {
            var from = (int)((long)ruptureCount * k / wanted);
            var to = (int)((long)ruptureCount * (k + 1) / wanted);
            batches.Add(new RuptureBatch(k, from, to - from, to - from));
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
