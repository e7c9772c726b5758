using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Stations;

/// <summary>
/// Reads a ShakeMap XML station file (<c>*_dat.xml</c>, <c>stationlist.xml</c>): <c>stationlist/station</c> with
/// code, name, lat, lon, netid, source, insttype, and <c>comp</c> children holding <c>acc|pga</c> (%g),
/// <c>vel|pgv</c> (cm/s) and <c>psa03|psa10|psa30…</c> (%g) elements with value and flag attributes (an optional
/// ln_sigma attribute is honoured). Vertical components (name ending in Z) are skipped; each IMT takes the greatest
/// unflagged horizontal value. Flagged values (flag other than empty or "0") are rejected with the flag as reason.
/// Intensity-derived stations (netid DYFI/CIIM/INTENSITY/MMI or source "Did You Feel It?") carry no uncertainty in this
/// format: their amplitudes are rejected unless an intensity-derived ln sigma is given.
/// </summary>
public static class ShakeMapXmlStationReader
{
    public static StationSetReadResult Read(string path, double? intensityDerivedLnSigma = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path, intensityDerivedLnSigma);
    }

    public static StationSetReadResult Read(Stream xml, string source, double? intensityDerivedLnSigma = null)
    {
        if (intensityDerivedLnSigma is { } sg && (!double.IsFinite(sg) || sg < 0))
            throw new ArgumentOutOfRangeException(nameof(intensityDerivedLnSigma), "must be finite and >= 0");
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) { throw new QuakeGridInputException(source, $"line {e.LineNumber}", null, "not well-formed XML: " + e.Message, e); }
        var stations = doc.Descendants("station").ToList();
        if (doc.Descendants("stationlist").FirstOrDefault() is null)
            throw new QuakeGridInputException(source, null, "stationlist", "no <stationlist> element");
        var b = new StationSetBuilder(source);
        foreach (var s in stations)
        {
            var line = ((IXmlLineInfo)s).HasLineInfo() ? $"line {((IXmlLineInfo)s).LineNumber}" : "station element";
            var id = Attr(s, "code") ?? "";
            var netid = Attr(s, "netid") ?? "";
            var where = $"station {id} ({line})";
            if (!TryNumber(Attr(s, "lon"), out var lon)) { b.Reject(where, "lon", $"'{Attr(s, "lon")}' is not a number"); continue; }
            if (!TryNumber(Attr(s, "lat"), out var lat)) { b.Reject(where, "lat", $"'{Attr(s, "lat")}' is not a number"); continue; }
            var kind = IsMacroseismic(s) ? StationKind.Macroseismic : StationKind.Seismic;
            var best = new Dictionary<Imt, (double Value, double Sigma, string Field)>();
            var any = false;
            var vertical = false;
            foreach (var comp in s.Elements("comp"))
            {
                var cname = Attr(comp, "name") ?? "";
                if (ShakeMapAmplitude.IsVertical(cname)) { vertical = true; continue; }
                foreach (var amp in comp.Elements())
                {
                    any = true;
                    var tag = amp.Name.LocalName;
                    var field = $"comp[{cname}].{tag}";
                    if (!ShakeMapAmplitude.TryParseName(tag, out var imt)) { b.Reject(where, field, $"unknown amplitude element <{tag}>"); continue; }
                    var flag = Attr(amp, "flag");
                    if (!ShakeMapAmplitude.IsGoodFlag(flag)) { b.Reject(where, field, $"flagged '{flag}'"); continue; }
                    if (!TryNumber(Attr(amp, "value"), out var raw)) { b.Reject(where, field, $"value '{Attr(amp, "value")}' is not a number"); continue; }
                    if (!(raw > 0) || !double.IsFinite(raw)) { b.Reject(where, field, $"value {raw} must be a finite number > 0"); continue; }
                    double sigma;
                    if (Attr(amp, "ln_sigma") is { } ls)
                    {
                        if (!TryNumber(ls, out sigma) || sigma < 0) { b.Reject(where, field, $"ln_sigma '{ls}' must be a number >= 0"); continue; }
                    }
                    else if (kind == StationKind.Macroseismic)
                    {
                        if (intensityDerivedLnSigma is not { } given) { b.Reject(where, field, "intensity-derived amplitude without ln sigma (give intensityDerivedLnSigma to accept)"); continue; }
                        sigma = given;
                    }
                    else sigma = 0.0;
                    var v = imt.Kind == ImtKind.Pgv ? raw : raw * 0.01; // %g → g; PGV in cm/s
                    if (!best.TryGetValue(imt, out var cur) || v > cur.Value) best[imt] = (v, sigma, field);
                }
            }
            if (!any) { b.Reject(where, "comp", vertical ? "only a vertical component (ShakeMap uses horizontals)" : "no amplitudes"); continue; }
            if (best.Count == 0) continue; // every amplitude was rejected above, each with its reason
            var st = b.Add(id, Attr(s, "name") ?? "", line, lon, lat, kind, netid);
            if (st is null) continue;
            foreach (var (imt, (v, sig, field)) in best) b.SetValue(st, imt, v, sig, field);
        }
        return b.Build();
    }

    private static bool IsMacroseismic(XElement s)
    {
        var net = (Attr(s, "netid") ?? "").Trim().ToUpperInvariant();
        if (net is "DYFI" or "CIIM" or "INTENSITY" or "MMI") return true;
        var src = (Attr(s, "source") ?? "") + " " + (Attr(s, "insttype") ?? "");
        return src.Contains("Did You Feel It", StringComparison.OrdinalIgnoreCase) || src.Contains("OBSERVED", StringComparison.Ordinal);
    }

    private static string? Attr(XElement e, string name) => e.Attribute(name)?.Value;

    private static bool TryNumber(string? s, out double v)
    {
        v = double.NaN;
        return s is not null && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && !double.IsNaN(v);
    }
}
