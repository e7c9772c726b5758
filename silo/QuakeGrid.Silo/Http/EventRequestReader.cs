using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Ruptures;
using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>
/// Reads the body of <c>PUT /v1/events/{id}</c>:
/// <code>
/// { "rupture": { "magnitude": 6.0, "rake": 0, "hypocenter": { "lon", "lat", "depth" },
///                "planes": [ { "topLeft": {..}, "topRight": {..}, "bottomLeft": {..}, "bottomRight": {..} } ] },
///   // or "ruptureNrml": "&lt;nrml ...&gt;" (an OpenQuake NRML rupture with planar surfaces)
///   "gmm": "BSSA14" or { "name": "BooreEtAl2014", "basin": "none|CAL|JPN", "attenuation": "global|china-turkey|italy-japan",
///                        "styleOfFaulting": true, "sadighSite": "byVs30|rock|soil" },
///   "imts": ["PGA", "SA(1.0)"], "correlation": "JB2009", "defaultVs30": 760, "neighbours": 50 }
/// </code>
/// The grain validates the values; this reader checks shapes and types and names the JSON field.
/// </summary>
public static class EventRequestReader
{
    /// <summary>Default Vs30 at query points, m/s (NEHRP B/C boundary).</summary>
    public const double DefaultVs30 = 760.0;

    /// <summary>Default number of nearest stations per query point.</summary>
    public const int DefaultNeighbours = 50;

    /// <summary>The event definition in <paramref name="root"/>.</summary>
    public static EventDefinition Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new QuakeGridInputException(source, null, null, "the body must be a JSON object");
        Json.OnlyMembers(root, source, "", "rupture", "ruptureNrml", "gmm", "imts", "correlation", "defaultVs30", "neighbours");
        var hasJson = Json.TryGet(root, "rupture", out var rj);
        var nrml = Json.Text(root, "ruptureNrml", source, "");
        if (hasJson == (nrml is not null)) throw new QuakeGridInputException(source, null, "rupture", "give exactly one of 'rupture' (JSON) and 'ruptureNrml' (NRML XML text)");
        var rupture = hasJson ? Rupture(rj, source) : Nrml(nrml!, source);
        var gmm = Gmm(Json.Required(root, "gmm", source, ""), source);
        var imtsEl = Json.Array(root, "imts", source, "");
        var imts = new string[imtsEl.GetArrayLength()];
        var i = 0;
        foreach (var e in imtsEl.EnumerateArray())
        {
            imts[i] = e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new QuakeGridInputException(source, null, $"imts[{i}]", "must be a string such as PGA or SA(1.0)");
            i++;
        }
        var correlation = Json.Text(root, "correlation", source, "") ?? throw new QuakeGridInputException(source, null, "correlation", "missing (e.g. JB2009)");
        var vs30 = Json.Number(root, "defaultVs30", source, "");
        var k = Json.Number(root, "neighbours", source, "");
        if (!double.IsNaN(k) && (k != Math.Floor(k) || k < 1 || k > EventLimits.MaxNeighbours))
            throw new QuakeGridInputException(source, null, "neighbours", $"{k} must be a whole number between 1 and {EventLimits.MaxNeighbours}");
        return new EventDefinition(rupture, gmm, imts, correlation, double.IsNaN(vs30) ? DefaultVs30 : vs30, double.IsNaN(k) ? DefaultNeighbours : (int)k);
    }

    private static RuptureSpec Rupture(JsonElement r, string source)
    {
        const string p = "rupture";
        Json.OnlyMembers(r, source, p, "magnitude", "rake", "hypocenter", "planes");
        var planesEl = Json.Array(r, "planes", source, p);
        var planes = new List<PlaneSpec>();
        var k = 0;
        foreach (var pl in planesEl.EnumerateArray())
        {
            var pp = $"{p}.planes[{k++}]";
            Json.OnlyMembers(pl, source, pp, "topLeft", "topRight", "bottomLeft", "bottomRight");
            planes.Add(new PlaneSpec(Point(pl, "topLeft", source, pp), Point(pl, "topRight", source, pp), Point(pl, "bottomLeft", source, pp), Point(pl, "bottomRight", source, pp)));
        }
        return new RuptureSpec(Json.RequiredNumber(r, "magnitude", source, p), Json.RequiredNumber(r, "rake", source, p), Point(r, "hypocenter", source, p), planes.ToArray());
    }

    private static PointSpec Point(JsonElement e, string name, string source, string path)
    {
        var pt = Json.Required(e, name, source, path);
        var pp = Json.Path(path, name);
        Json.OnlyMembers(pt, source, pp, "lon", "lat", "depth");
        return new PointSpec(Json.RequiredNumber(pt, "lon", source, pp), Json.RequiredNumber(pt, "lat", source, pp), Json.RequiredNumber(pt, "depth", source, pp));
    }

    private static RuptureSpec Nrml(string xml, string source)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new QuakeGridInputException(source, $"line {e.LineNumber}", "ruptureNrml", "not well-formed XML: " + e.Message, e);
        }
        var rupture = NrmlRuptureReader.Parse(doc, source + " ruptureNrml");
        try
        {
            return RuptureSpecMapper.FromCore(rupture);
        }
        catch (NotSupportedException e)
        {
            throw new QuakeGridInputException(source, null, "ruptureNrml", e.Message, e);
        }
    }

    private static GmmSpec Gmm(JsonElement g, string source)
    {
        if (g.ValueKind == JsonValueKind.String) return new GmmSpec(g.GetString()!, BasinTerm.None, AttenuationRegion.Global, true, SadighSite.ByVs30);
        if (g.ValueKind != JsonValueKind.Object) throw new QuakeGridInputException(source, null, "gmm", "must be a model name or an object with 'name'");
        Json.OnlyMembers(g, source, "gmm", "name", "basin", "attenuation", "styleOfFaulting", "sadighSite");
        var name = Json.Text(g, "name", source, "gmm") ?? throw new QuakeGridInputException(source, null, "gmm.name", "missing");
        var basin = (Json.Text(g, "basin", source, "gmm") ?? "none").Trim().ToUpperInvariant() switch
        {
            "NONE" => BasinTerm.None,
            "CAL" or "CALIFORNIA" => BasinTerm.California,
            "JPN" or "JAPAN" => BasinTerm.Japan,
            var b => throw new QuakeGridInputException(source, null, "gmm.basin", $"'{b}' is not none, CAL or JPN"),
        };
        var attenuation = (Json.Text(g, "attenuation", source, "gmm") ?? "global").Trim().ToLowerInvariant() switch
        {
            "global" => AttenuationRegion.Global,
            "china-turkey" => AttenuationRegion.ChinaTurkey,
            "italy-japan" => AttenuationRegion.ItalyJapan,
            var a => throw new QuakeGridInputException(source, null, "gmm.attenuation", $"'{a}' is not global, china-turkey or italy-japan"),
        };
        var site = (Json.Text(g, "sadighSite", source, "gmm") ?? "byVs30").Trim().ToLowerInvariant() switch
        {
            "byvs30" => SadighSite.ByVs30,
            "rock" => SadighSite.Rock,
            "soil" => SadighSite.Soil,
            var s => throw new QuakeGridInputException(source, null, "gmm.sadighSite", $"'{s}' is not byVs30, rock or soil"),
        };
        var sof = true;
        if (Json.TryGet(g, "styleOfFaulting", out var sv))
            sof = sv.ValueKind is JsonValueKind.True or JsonValueKind.False ? sv.GetBoolean() : throw new QuakeGridInputException(source, null, "gmm.styleOfFaulting", "must be true or false");
        return new GmmSpec(name, basin, attenuation, sof, site);
    }
}
