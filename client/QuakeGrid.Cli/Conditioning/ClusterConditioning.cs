using QuakeGrid.Client.Conditioning;
using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Conditioning;

/// <summary>
/// <c>quakegrid condition</c> on a cluster (or the embedded silo): turns the stations read by the CLI into the event
/// API's records and runs them through <see cref="EventConditioningClient"/> (event grain, station grains, one site grain
/// per target). Only what the grains compute is offered; the rest is refused by <see cref="Refusal"/> before any work.
/// </summary>
internal static class ClusterConditioning
{
    /// <summary>
    /// Why this run cannot go to the cluster, as an input error, or null when it can: conditional samples
    /// (<c>--events</c>) are drawn in process only; the site grains evaluate the GMM at a target from its Vs30 alone, so a
    /// target file with z1.0 is refused; a site grain kriges on at most <see cref="EventLimits.MaxNeighbours"/> stations,
    /// which bounds <c>--neighbors</c> and, for <c>--method exact</c>, the number of stations that observed the IMT.
    /// </summary>
    public static QuakeGridInputException? Refusal(int events, SiteCollection targets, string sitesPath, int neighbours, bool exact, int observed)
    {
        const string hint = "; run without --cluster/--embedded to compute it in this process";
        if (events > 0)
            return new QuakeGridInputException("--events", null, null, $"conditional samples are drawn in this process only, not by the cluster's site grains{hint}, or give --events 0");
        var z1 = Array.FindIndex(targets.Z1pt0, double.IsFinite);
        if (z1 >= 0)
            return new QuakeGridInputException(sitesPath, $"site {z1 + 1}", "z1pt0", $"the cluster's site grains evaluate the GMM from Vs30 only (default z1.0) and cannot use the file's z1pt0{hint}, or drop the column");
        if (!exact && neighbours > EventLimits.MaxNeighbours)
            return new QuakeGridInputException("--neighbors", null, null, $"{neighbours} stations per target: a site grain kriges on at most {EventLimits.MaxNeighbours}");
        if (exact && observed > EventLimits.MaxNeighbours)
            return new QuakeGridInputException("--method", "exact", null, $"{observed} stations observed the IMT; a site grain kriges on at most {EventLimits.MaxNeighbours}, so the exact method (every station) is not available on the cluster; use --method vecchia{hint}");
        return null;
    }

    /// <summary>The event definition: the rupture, GMM and correlation of the run, one IMT, k stations per target.</summary>
    public static EventDefinition Definition(Rupture rupture, string rupturePath, string gmmName, GmmOptions gmmOptions, Imt imt,
        string correlationSpec, int neighbours)
    {
        Contracts.Ruptures.RuptureSpec spec;
        try
        {
            spec = RuptureSpecMapper.FromCore(rupture);
        }
        catch (NotSupportedException e)
        {
            throw new QuakeGridInputException(rupturePath, null, null, e.Message, e);
        }
        return new EventDefinition(spec, GmmSpecMapper.FromCore(gmmName, gmmOptions), [imt.ToString()], correlationSpec, 760.0, neighbours);
    }

    /// <summary>
    /// Station records for the event: every station with an accepted value of <paramref name="imt"/> (the grains condition
    /// on native data only, as Core does when the target IMT is observed), its ln sigma (0 when the file gives none, as
    /// Core's <c>ConditioningInputs</c>), Vs30, z1.0 and where it was read.
    /// </summary>
    public static StationRecord[] Records(StationSet set, Imt imt)
    {
        var k = set.IndexOf(imt);
        var records = new List<StationRecord>();
        if (k < 0) return [];
        var label = imt.ToString();
        for (var i = 0; i < set.Count; i++)
        {
            var v = set.Value[k][i];
            if (double.IsNaN(v)) continue;
            var s = set.LnSigma[k][i];
            records.Add(new StationRecord(set.Ids[i], set.Lon[i], set.Lat[i], set.Vs30[i], set.Z1pt0[i],
                [new StationAmplitude(label, v, double.IsNaN(s) ? 0.0 : s)], set.Records[i]));
        }
        return records.ToArray();
    }
}
