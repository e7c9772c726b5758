using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Stations;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.Events;

/// <summary>
/// Validates a batch of station records against an event and prepares what the station grains store: ln observations,
/// ln sigmas, and the event GMM's ln median, Tau and Phi at each station (Core <see cref="ScenarioGroundMotion"/>),
/// with the station's correlation point in the event projection. Any bad record throws a
/// <see cref="QuakeGridInputException"/> naming the source, the record (station id and where it was read) and the field;
/// nothing is returned then, so nothing is stored.
/// </summary>
public static class StationIngestion
{
    /// <summary>Checks every record and evaluates the GMM at the stations.</summary>
    public static StationData[] Prepare(string source, IReadOnlyList<StationRecord> records, EventModel model, IReadOnlySet<string> existingIds)
    {
        if (records is null || records.Count == 0) throw new QuakeGridInputException(source, null, "stations", "no station was given");
        if (existingIds.Count + records.Count > EventLimits.MaxStations)
            throw new QuakeGridInputException(source, null, "stations", $"{existingIds.Count} stored + {records.Count} new stations exceed the limit of {EventLimits.MaxStations} per event");
        var n = records.Count;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var lon = new double[n];
        var lat = new double[n];
        var vs30 = new double[n];
        var z1 = new double[n];
        var observed = new (Imt Imt, double Value, double LnSigma)[n][];
        for (var i = 0; i < n; i++)
        {
            var r = records[i] ?? throw new QuakeGridInputException(source, $"stations[{i}]", null, "the record is missing");
            var where = string.IsNullOrWhiteSpace(r.Record) ? $"stations[{i}]" : r.Record;
            if (string.IsNullOrWhiteSpace(r.Id)) throw new QuakeGridInputException(source, where, "id", "missing station id");
            var rec = $"station {r.Id} ({where})";
            if (r.Id.Length > EventLimits.MaxIdLength) throw new QuakeGridInputException(source, rec, "id", $"longer than {EventLimits.MaxIdLength} characters");
            if (seen.TryGetValue(r.Id, out var first)) throw new QuakeGridInputException(source, rec, "id", $"duplicate station id '{r.Id}': also {first}");
            if (existingIds.Contains(r.Id)) throw new QuakeGridInputException(source, rec, "id", $"duplicate station id '{r.Id}': the event already has this station");
            seen[r.Id] = where;
            if (!double.IsFinite(r.Lon) || r.Lon < -180 || r.Lon > 180) throw new QuakeGridInputException(source, rec, "lon", $"longitude {r.Lon} is not a finite value in [-180, 180]");
            if (!double.IsFinite(r.Lat) || r.Lat < -90 || r.Lat > 90) throw new QuakeGridInputException(source, rec, "lat", $"latitude {r.Lat} is not a finite value in [-90, 90]");
            if (double.IsNaN(r.Vs30)) throw new QuakeGridInputException(source, rec, "vs30", "missing Vs30");
            if (!double.IsFinite(r.Vs30) || r.Vs30 <= 0) throw new QuakeGridInputException(source, rec, "vs30", $"Vs30 {r.Vs30} must be a finite value > 0 m/s");
            if (double.IsInfinity(r.Z1pt0) || r.Z1pt0 < 0) throw new QuakeGridInputException(source, rec, "z1pt0", $"z1pt0 {r.Z1pt0} must be a depth >= 0 m (or absent)");
            if (r.Amplitudes is null || r.Amplitudes.Length == 0) throw new QuakeGridInputException(source, rec, "amplitudes", "no amplitude was given");
            var amps = new (Imt, double, double)[r.Amplitudes.Length];
            for (var a = 0; a < amps.Length; a++)
            {
                var amp = r.Amplitudes[a] ?? throw new QuakeGridInputException(source, rec, $"amplitudes[{a}]", "the amplitude is missing");
                var field = $"amplitudes[{a}]";
                if (!Imt.TryParse(amp.Imt, out var imt)) throw new QuakeGridInputException(source, rec, field + ".imt", $"'{amp.Imt}' is not an IMT (PGA, PGV, SA(T))");
                field = $"amplitudes[{a}] ({imt})";
                if (Array.IndexOf(model.Imts, imt) < 0) throw new QuakeGridInputException(source, rec, field, $"{imt} is not one of the event's IMTs ({string.Join(", ", model.Imts)})");
                for (var b = 0; b < a; b++)
                    if (amps[b].Item1 == imt) throw new QuakeGridInputException(source, rec, field, $"{imt} is given twice");
                if (double.IsNaN(amp.Value)) throw new QuakeGridInputException(source, rec, field + ".value", "missing value");
                if (!double.IsFinite(amp.Value) || amp.Value <= 0) throw new QuakeGridInputException(source, rec, field + ".value", $"value {amp.Value} must be a finite number > 0");
                if (!double.IsFinite(amp.LnSigma) || amp.LnSigma < 0) throw new QuakeGridInputException(source, rec, field + ".lnSigma", $"ln sigma {amp.LnSigma} must be a finite number >= 0");
                amps[a] = (imt, amp.Value, amp.LnSigma);
            }
            (lon[i], lat[i], vs30[i], z1[i], observed[i]) = (r.Lon, r.Lat, r.Vs30, r.Z1pt0, amps);
        }

        var sites = new SiteCollection(lon, lat, vs30, z1, source);
        var g = ScenarioGroundMotion.Evaluate(model.Gmm, model.Rupture, sites, model.Imts);
        var cs = model.CorrelationSitesOf(sites);
        var result = new StationData[n];
        for (var i = 0; i < n; i++)
        {
            var obs = observed[i];
            var m = obs.Length;
            var (imts, lnObs, sig, med, tau, phi) = (new string[m], new double[m], new double[m], new double[m], new double[m], new double[m]);
            for (var a = 0; a < m; a++)
            {
                var k = Array.IndexOf(model.Imts, obs[a].Imt);
                imts[a] = obs[a].Imt.ToString();
                lnObs[a] = Math.Log(obs[a].Value);
                sig[a] = obs[a].LnSigma;
                (med[a], tau[a], phi[a]) = (g.LnMedian[k][i], g.Tau[k][i], g.Phi[k][i]);
                if (!double.IsFinite(med[a]) || !double.IsFinite(tau[a]) || !(phi[a] > 0))
                    throw new QuakeGridInputException(source, $"station {records[i].Id}", imts[a], $"{model.Gmm.Name} gives no finite ln median, tau and phi > 0 at this station");
            }
            result[i] = new StationData(records[i].Id, string.IsNullOrWhiteSpace(records[i].Record) ? $"stations[{i}]" : records[i].Record,
                EventModel.PointOf(cs, i), z1[i], imts, lnObs, sig, med, tau, phi);
        }
        return result;
    }
}
