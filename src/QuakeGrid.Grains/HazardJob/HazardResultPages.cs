using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>Builds the wire pages of a finished hazard job (curves, counts, events, nearest site) and checks query arguments.</summary>
public static class HazardResultPages
{
    /// <summary>Indices of the job IMTs named by <paramref name="imts"/> (all when null); bad or foreign IMTs are input errors.</summary>
    public static int[] SelectImts(string jobId, string jobFile, PreparedHazardJob job, string[]? imts)
    {
        var all = job.Imtls;
        if (imts is null) return Enumerable.Range(0, all.Count).ToArray();
        if (imts.Length == 0) throw new QuakeGridInputException("job", jobId, "imts", "an empty IMT list was given (omit it for every IMT)");
        var selected = new List<int>();
        foreach (var text in imts)
        {
            if (!Imt.TryParse(text, out var imt))
                throw new QuakeGridInputException("job", jobId, "imts", $"'{text}' is not an intensity measure type (expected PGA, PGV or SA(T) with T in seconds)");
            var k = -1;
            for (var i = 0; i < all.Count; i++) if (all[i].Imt == imt) k = i;
            if (k < 0)
                throw new QuakeGridInputException("job", jobId, "imts", $"{imt} is not an IMT of the job ({jobFile} has {string.Join(", ", all.Select(l => l.Imt))})");
            if (!selected.Contains(k)) selected.Add(k);
        }
        return [.. selected];
    }

    /// <summary>Sites [first, first + count) ∩ the job's sites, for the selected IMTs.</summary>
    public static HazardCurveResult Curves(string jobId, HazardCurveSet curves, int first, int count, int[] imts)
    {
        var n = Math.Min(count, curves.Sites.Count - first);
        var poes = new double[imts.Length][];
        for (var q = 0; q < imts.Length; q++)
        {
            var nl = curves.Imtls[imts[q]].Levels.Length;
            poes[q] = curves.Poes[imts[q]].AsSpan(first * nl, n * nl).ToArray();
        }
        var sites = curves.Sites;
        return new HazardCurveResult(jobId, first, n, sites.Count, curves.InvestigationTime,
            imts.Select(k => curves.Imtls[k].Imt.ToString()).ToArray(),
            imts.Select(k => (double[])curves.Imtls[k].Levels.Clone()).ToArray(),
            [.. curves.MapPoes],
            sites.Lon.AsSpan(first, n).ToArray(), sites.Lat.AsSpan(first, n).ToArray(), sites.Vs30.AsSpan(first, n).ToArray(),
            sites.Z1pt0.AsSpan(first, n).ToArray(),
            curves.SiteDepths.Length == sites.Count ? curves.SiteDepths.AsSpan(first, n).ToArray() : new double[n],
            poes);
    }

    /// <summary>Raw counts of sites [first, first + count) ∩ the job's sites.</summary>
    public static HazardCountsPage Counts(long[][][] all, EventBasedPlan plan, int first, int count)
    {
        var n = Math.Min(count, plan.SiteCount - first);
        var page = new long[all.Length][][];
        for (var b = 0; b < all.Length; b++)
        {
            page[b] = new long[all[b].Length][];
            for (var k = 0; k < all[b].Length; k++)
            {
                var nl = plan.Imtls[k].Levels.Length;
                page[b][k] = all[b][k].AsSpan(first * nl, n * nl).ToArray();
            }
        }
        return new HazardCountsPage(first, n, page);
    }

    /// <summary>Checks a point query: finite lon in [-180, 360], lat in [-90, 90], a positive finite search radius.</summary>
    public static void CheckPoint(double lon, double lat, double maxDistanceKm)
    {
        if (!double.IsFinite(lon) || lon < -180 || lon > 360) throw new QuakeGridInputException("site query", null, "lon", $"longitude {lon} is not in [-180, 360]");
        if (!double.IsFinite(lat) || lat < -90 || lat > 90) throw new QuakeGridInputException("site query", null, "lat", $"latitude {lat} is not in [-90, 90]");
        if (!double.IsFinite(maxDistanceKm) || maxDistanceKm <= 0)
            throw new QuakeGridInputException("site query", null, "maxDistanceKm", $"{maxDistanceKm} must be a positive distance in km");
    }

    /// <summary>The job site nearest the point, with every IMT's curve and map values; an input error beyond the radius.</summary>
    public static SiteHazard NearestSite(string jobId, HazardCurveSet curves, double lon, double lat, double maxDistanceKm)
    {
        var sites = curves.Sites;
        var d = new double[sites.Count];
        Geodesy.DistanceKm(lon, lat, sites.Lon, sites.Lat, d);
        var best = 0;
        for (var i = 1; i < d.Length; i++) if (d[i] < d[best]) best = i;
        if (d.Length == 0 || d[best] > maxDistanceKm)
            throw new QuakeGridInputException("site query", $"point ({lon}, {lat})", null,
                $"no site of job {jobId} lies within {maxDistanceKm} km (nearest: {(d.Length == 0 ? double.NaN : d[best]):0.###} km)");
        var list = new List<SiteCurve>();
        for (var k = 0; k < curves.Imtls.Count; k++)
        {
            var maps = new double[curves.MapPoes.Count];
            for (var p = 0; p < maps.Length; p++) maps[p] = curves.Maps[k][p][best];
            list.Add(new SiteCurve(curves.Imtls[k].Imt.ToString(), [.. curves.Imtls[k].Levels], curves.Curve(k, best).ToArray(), maps));
        }
        return new SiteHazard(best, sites.Lon[best], sites.Lat[best], d[best], list, [.. curves.MapPoes]);
    }

    /// <summary>Events [first, first + count) on the wire.</summary>
    public static HazardEvent[] Events(IReadOnlyList<RuptureOccurrence> events, int first, int count)
    {
        var page = new HazardEvent[count];
        for (var i = 0; i < count; i++)
        {
            var e = events[first + i];
            page[i] = new HazardEvent(e.RuptureId, e.SourceId, e.Magnitude, e.Rake, e.Hypocenter.Lon, e.Hypocenter.Lat, e.Hypocenter.Depth,
                e.AnnualRate, e.Occurrences);
        }
        return page;
    }

    /// <summary>Adds a region's counts into the all-site arrays at its job site indices.</summary>
    public static void Scatter(RegionHazardCounts region, EventBasedPlan plan, long[][][] into)
    {
        var idx = region.SiteIndices;
        for (var b = 0; b < into.Length; b++)
        for (var k = 0; k < into[b].Length; k++)
        {
            var nl = plan.Imtls[k].Levels.Length;
            var src = region.Counts[b][k];
            var dst = into[b][k];
            if (src.Length != idx.Length * nl) throw new InvalidOperationException($"tile {region.TileId}: counts do not match its {idx.Length} sites");
            for (var i = 0; i < idx.Length; i++)
                src.AsSpan(i * nl, nl).CopyTo(dst.AsSpan(idx[i] * nl, nl));
        }
    }

    /// <summary>Copies a classical region's rates into the all-site arrays at its job site indices.</summary>
    public static void Scatter(RegionHazardRates region, IReadOnlyList<Core.IO.Job.ImtLevels> imtls, double[][][] into)
    {
        var idx = region.SiteIndices;
        if (region.Rates.Length != into.Length) throw new InvalidOperationException($"tile {region.TileId}: rates for {region.Rates.Length} branches, the job has {into.Length}");
        for (var b = 0; b < into.Length; b++)
        for (var k = 0; k < into[b].Length; k++)
        {
            var nl = imtls[k].Levels.Length;
            var src = region.Rates[b][k];
            var dst = into[b][k];
            if (src.Length != idx.Length * nl) throw new InvalidOperationException($"tile {region.TileId}: rates do not match its {idx.Length} sites");
            for (var i = 0; i < idx.Length; i++)
                src.AsSpan(i * nl, nl).CopyTo(dst.AsSpan(idx[i] * nl, nl));
        }
    }
}
