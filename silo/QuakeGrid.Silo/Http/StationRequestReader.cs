using System.Text.Json;
using QuakeGrid.Contracts.Events;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>A station or amplitude of an upload that was not ingested, and why (reported in the response, never dropped silently).</summary>
public sealed record SkippedRecord(string Record, string? Field, string Reason);

/// <summary>Stations of an upload and what was left out.</summary>
public sealed record StationUpload(StationRecord[] Stations, SkippedRecord[] Skipped, string Format);

/// <summary>
/// Reads the body of <c>POST /v1/events/{id}/stations</c>, either
/// <list type="bullet">
/// <item>QuakeGrid JSON: <c>{ "stations": [ { "id", "lon", "lat", "vs30", "z1pt0"?, "amplitudes": [ { "imt", "value", "lnSigma"? } ] } ] }</c>
/// (values in g, cm/s for PGV). Every field is checked by the event grain, and any bad value fails the whole upload; or</item>
/// <item>a USGS ShakeMap <c>stationlist.json</c> (GeoJSON FeatureCollection), read by Core's <see cref="ShakeMapJsonStationReader"/>.
/// What ShakeMap itself leaves out is reported as skipped: flagged amplitudes, intensity-only (DYFI) and vertical-only
/// stations, unknown amplitude names, and amplitudes of IMTs the event does not define. Any other problem the reader
/// finds (a value that is zero, negative or missing, a bad ln_sigma, unit, coordinate or Vs30) fails the upload naming
/// the feature and field.</item>
/// </list>
/// </summary>
public static class StationRequestReader
{
    /// <summary>The stations in <paramref name="body"/> for an event with IMTs <paramref name="eventImts"/> (OpenQuake spelling).</summary>
    public static StationUpload Read(byte[] body, JsonElement root, string source, IReadOnlyList<string> eventImts)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new QuakeGridInputException(source, null, null, "the body must be a JSON object");
        return Json.TryGet(root, "features", out _) ? ShakeMap(body, source, eventImts) : Native(root, source);
    }

    private static StationUpload Native(JsonElement root, string source)
    {
        Json.OnlyMembers(root, source, "", "stations");
        var list = Json.Array(root, "stations", source, "");
        var result = new List<StationRecord>();
        var i = 0;
        foreach (var s in list.EnumerateArray())
        {
            var path = $"stations[{i}]";
            if (s.ValueKind != JsonValueKind.Object) throw new QuakeGridInputException(source, path, null, "must be an object");
            Json.OnlyMembers(s, source, path, "id", "lon", "lat", "vs30", "z1pt0", "amplitudes");
            var ampsEl = Json.Array(s, "amplitudes", source, path);
            var amps = new List<StationAmplitude>();
            var a = 0;
            foreach (var am in ampsEl.EnumerateArray())
            {
                var ap = $"{path}.amplitudes[{a++}]";
                Json.OnlyMembers(am, source, ap, "imt", "value", "lnSigma");
                var sigma = Json.Number(am, "lnSigma", source, ap);
                amps.Add(new StationAmplitude(Json.Text(am, "imt", source, ap) ?? throw new QuakeGridInputException(source, path, ap + ".imt", "missing"),
                    Json.Number(am, "value", source, ap), double.IsNaN(sigma) ? 0.0 : sigma));
            }
            result.Add(new StationRecord(Json.Text(s, "id", source, path) ?? "", Json.Number(s, "lon", source, path), Json.Number(s, "lat", source, path),
                Json.Number(s, "vs30", source, path), Json.Number(s, "z1pt0", source, path), amps.ToArray(), path));
            i++;
        }
        return new StationUpload(result.ToArray(), [], "quakegrid");
    }

    private static StationUpload ShakeMap(byte[] body, string source, IReadOnlyList<string> eventImts)
    {
        using var stream = new MemoryStream(body, writable: false);
        var read = ShakeMapJsonStationReader.Read(stream, source);
        var skipped = new List<SkippedRecord>();
        foreach (var r in read.Rejections)
        {
            if (!IsShakeMapExclusion(r)) throw new QuakeGridInputException(source, r.Record, r.Field, r.Reason);
            skipped.Add(new SkippedRecord(r.Record, r.Field, r.Reason));
        }
        var set = read.Stations;
        var stations = new List<StationRecord>();
        for (var i = 0; i < set.Count; i++)
        {
            var rec = $"station {set.Ids[i]} ({set.Records[i]})";
            if (double.IsNaN(set.Vs30[i])) throw new QuakeGridInputException(source, rec, "vs30", "missing Vs30 (the event needs it to evaluate the GMM at the station)");
            var amps = new List<StationAmplitude>();
            for (var k = 0; k < set.Imts.Count; k++)
            {
                if (double.IsNaN(set.Value[k][i])) continue;
                var imt = set.Imts[k].ToString();
                if (!eventImts.Contains(imt)) { skipped.Add(new SkippedRecord(rec, imt, $"{imt} is not one of the event's IMTs")); continue; }
                amps.Add(new StationAmplitude(imt, set.Value[k][i], set.LnSigma[k][i]));
            }
            if (amps.Count == 0) { skipped.Add(new SkippedRecord(rec, null, "no amplitude of the event's IMTs")); continue; }
            stations.Add(new StationRecord(set.Ids[i], set.Lon[i], set.Lat[i], set.Vs30[i], set.Z1pt0[i], amps.ToArray(), set.Records[i]));
        }
        return new StationUpload(stations.ToArray(), skipped.ToArray(), "shakemap-stationlist");
    }

    /// <summary>
    /// Rejections that are ShakeMap's own data selection (kept out as ShakeMap does), as opposed to bad values:
    /// flagged amplitudes, unknown amplitude names, and stations without usable horizontal amplitudes (DYFI, vertical only).
    /// </summary>
    public static bool IsShakeMapExclusion(StationRejection r) =>
        r.Reason.StartsWith("flagged", StringComparison.Ordinal)
        || r.Reason.StartsWith("unknown amplitude name", StringComparison.Ordinal)
        || r.Field == "channels";
}
