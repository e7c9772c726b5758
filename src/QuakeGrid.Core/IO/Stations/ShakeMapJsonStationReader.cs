using System.Globalization;
using System.Text.Json;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// Reads a USGS ShakeMap <c>stationlist.json</c> (GeoJSON FeatureCollection). Per feature: id, geometry coordinates
/// [lon, lat], properties.vs30 (m/s), station_type (seismic | macroseismic), network/source, and channels[].amplitudes[]
/// with name, value, units (%g → g; cm/s), flag and ln_sigma. For each IMT the value is the greatest over the
/// horizontal channels of the unflagged amplitudes (ShakeMap's default component); flagged amplitudes (flag ≠ "0") are
/// rejected with the flag as reason. Features without any amplitude (DYFI intensity-only) are rejected: conversion
/// from intensity is not done here.
/// </summary>
public static class ShakeMapJsonStationReader
{
    public static StationSetReadResult Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static StationSetReadResult Read(Stream json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new QuakeGridInputException(source, e.LineNumber is { } l ? $"line {l + 1}" : null, null, "not valid JSON: " + e.Message, e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new QuakeGridInputException(source, null, "features", "not a GeoJSON FeatureCollection with a 'features' array");
            var b = new StationSetBuilder(source);
            var fi = 0;
            foreach (var f in features.EnumerateArray())
            {
                var record = $"feature {fi++}";
                var props = f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
                var id = Text(f, "id") ?? (props.ValueKind == JsonValueKind.Object ? Text(props, "code") : null) ?? "";
                var where = $"station {id} ({record})";
                if (!TryCoordinates(f, out var lon, out var lat)) { b.Reject(where, "geometry.coordinates", "missing or non-numeric [lon, lat]"); continue; }
                if (props.ValueKind != JsonValueKind.Object) { b.Reject(where, "properties", "missing properties"); continue; }
                var type = Text(props, "station_type") ?? "seismic";
                var kind = type.Equals("macroseismic", StringComparison.OrdinalIgnoreCase) ? StationKind.Macroseismic : StationKind.Seismic;
                if (!type.Equals("seismic", StringComparison.OrdinalIgnoreCase) && kind != StationKind.Macroseismic)
                {
                    b.Reject(where, "station_type", $"'{type}' is neither seismic nor macroseismic");
                    continue;
                }
                var best = new Dictionary<Imt, (double Value, double Sigma, string Field)>();
                var any = false;
                var vertical = false;
                if (props.TryGetProperty("channels", out var channels) && channels.ValueKind == JsonValueKind.Array)
                {
                    foreach (var ch in channels.EnumerateArray())
                    {
                        var chName = Text(ch, "name") ?? "";
                        if (ShakeMapAmplitude.IsVertical(chName)) { vertical = true; continue; }
                        if (!ch.TryGetProperty("amplitudes", out var amps) || amps.ValueKind != JsonValueKind.Array) continue;
                        foreach (var a in amps.EnumerateArray())
                        {
                            any = true;
                            var name = Text(a, "name") ?? "";
                            var field = $"channels[{chName}].{name}";
                            if (!ShakeMapAmplitude.TryParseName(name, out var imt)) { b.Reject(where, field, $"unknown amplitude name '{name}'"); continue; }
                            var flag = Text(a, "flag");
                            if (!ShakeMapAmplitude.IsGoodFlag(flag)) { b.Reject(where, field, $"flagged '{flag}'"); continue; }
                            var units = Text(a, "units");
                            if (!ShakeMapAmplitude.TryUnitFactor(imt, units, out var factor)) { b.Reject(where, field, $"unknown units '{units}' for {imt}"); continue; }
                            var value = Number(a, "value");
                            if (!(value > 0) || !double.IsFinite(value)) { b.Reject(where, field, $"value {Raw(a, "value")} must be a finite number > 0"); continue; }
                            var sigma = a.TryGetProperty("ln_sigma", out _) ? Number(a, "ln_sigma") : 0.0;
                            if (!double.IsFinite(sigma) || sigma < 0) { b.Reject(where, field, $"ln_sigma {Raw(a, "ln_sigma")} must be a finite number >= 0"); continue; }
                            var v = value * factor;
                            if (!best.TryGetValue(imt, out var cur) || v > cur.Value) best[imt] = (v, sigma, field);
                        }
                    }
                }
                if (!any)
                {
                    b.Reject(where, "channels", vertical ? "only a vertical component (ShakeMap uses horizontals)"
                        : kind == StationKind.Macroseismic ? "intensity-only station (no amplitudes)" : "no amplitudes");
                    continue;
                }
                if (best.Count == 0) { b.Reject(where, "channels", "no accepted horizontal amplitude"); continue; }
                var st = b.Add(id, Text(props, "name") ?? "", record, lon, lat, kind, Text(props, "network") ?? Text(props, "source") ?? "");
                if (st is null) continue;
                var vs30 = props.TryGetProperty("vs30", out _) ? Number(props, "vs30") : double.NaN;
                if (!double.IsNaN(vs30) && !(vs30 > 0 && double.IsFinite(vs30))) { b.Reject(where, "vs30", $"Vs30 {vs30} is not positive; station kept without Vs30"); vs30 = double.NaN; }
                b.SetSite(st, vs30, double.NaN);
                foreach (var (imt, (v, s, field)) in best) b.SetValue(st, imt, v, s, field);
            }
            return b.Build();
        }
    }

    private static bool TryCoordinates(JsonElement f, out double lon, out double lat)
    {
        lon = lat = double.NaN;
        if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object) return false;
        if (!g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2) return false;
        if (c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number) return false;
        lon = c[0].GetDouble();
        lat = c[1].GetDouble();
        return true;
    }

    private static string? Text(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;

    private static string Raw(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetRawText() : "(missing)";

    /// <summary>A number, or a numeric string; NaN for missing, null or "null".</summary>
    private static double Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return double.NaN;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return double.NaN;
    }
}
