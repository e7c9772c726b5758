using System.Xml.Linq;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Sources.ScalingRelations;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Nrml;

/// <summary>
/// Reads OpenQuake NRML source models, version 0.4 (sources directly under <c>sourceModel</c>) and 0.5 (sources
/// inside <c>sourceGroup</c>): <c>pointSource</c>, <c>areaSource</c> and <c>simpleFaultSource</c> with
/// <c>truncGutenbergRichterMFD</c> or <c>incrementalMFD</c>. Every error names the file, the source id and the
/// element or attribute; unknown source types and duplicate source ids are errors.
/// </summary>
public static class NrmlSourceModelReader
{
    private static readonly HashSet<string> SourceTypes = ["pointSource", "areaSource", "simpleFaultSource"];

    /// <summary>Elements that may appear in a source model that are not sources.</summary>
    private static readonly HashSet<string> NonSourceElements = ["sourceGroup", "description"];

    /// <summary>Reads the source model at <paramref name="path"/>.</summary>
    public static SourceModel Read(string path)
    {
        var doc = NrmlXml.Load(path);
        var x = new NrmlXml(path);
        var root = doc.Root!;
        if (root.Name.LocalName != "nrml")
            throw new QuakeGridInputException(path, null, root.Name.LocalName, "root element must be <nrml>");
        var model = NrmlXml.Child(root, "sourceModel")
            ?? throw new QuakeGridInputException(path, null, "sourceModel", "no <sourceModel> element under <nrml>");
        var name = model.Attribute("name")?.Value ?? System.IO.Path.GetFileNameWithoutExtension(path);

        var sources = new List<SeismicSource>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in model.Elements())
        {
            if (e.Name.LocalName == "sourceGroup")
            {
                var groupTrt = e.Attribute("tectonicRegion")?.Value;
                foreach (var s in e.Elements()) AddSource(x, s, groupTrt, sources, ids);
            }
            else if (e.Name.LocalName != "description")
            {
                AddSource(x, e, null, sources, ids);
            }
        }
        if (sources.Count == 0) throw new QuakeGridInputException(path, null, "sourceModel", "the source model holds no sources");
        return new SourceModel(name, path, sources);
    }

    private static void AddSource(NrmlXml x, XElement e, string? groupTrt, List<SeismicSource> sources, Dictionary<string, int> ids)
    {
        var type = e.Name.LocalName;
        var id = e.Attribute("id")?.Value;
        var record = id is null ? $"<{type}>" : $"{type} id '{id}'";
        if (!SourceTypes.Contains(type))
        {
            if (NonSourceElements.Contains(type)) return;
            throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(e), type,
                $"unknown or unsupported source type '{type}' (supported: {string.Join(", ", SourceTypes)})");
        }
        if (string.IsNullOrWhiteSpace(id)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(e), "id", "source has no id");
        if (ids.TryGetValue(id, out var first))
            throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(e), "id", $"duplicate source id '{id}' (first used by source #{first + 1})");
        ids[id] = sources.Count;
        var name = e.Attribute("name")?.Value ?? id;
        var trt = e.Attribute("tectonicRegion")?.Value ?? groupTrt ?? "";

        var mfd = ReadMfd(x, e, record);
        var msr = ReadMsr(x, e, record);
        var aspect = x.ElementDouble(e, "ruptAspectRatio", record);
        if (!(aspect > 0)) throw new QuakeGridInputException(x.Path, record, "ruptAspectRatio", $"aspect ratio {aspect} must be positive");

        SeismicSource source = type switch
        {
            "pointSource" => ReadPoint(x, e, record, id, name, trt, mfd, msr, aspect),
            "areaSource" => ReadArea(x, e, record, id, name, trt, mfd, msr, aspect),
            _ => ReadSimpleFault(x, e, record, id, name, trt, mfd, msr, aspect),
        };
        sources.Add(source);
    }

    private static PointSource ReadPoint(NrmlXml x, XElement e, string record, string id, string name, string trt,
        IMagnitudeFrequencyDistribution mfd, IMagnitudeScalingRelation msr, double aspect)
    {
        var geom = x.Required(e, "pointGeometry", record);
        var pos = x.RequiredDescendant(geom, "pos", record);
        var xy = x.ParseDoubles(pos.Value, record, "gml:pos", pos);
        if (xy.Length != 2) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(pos), "gml:pos", $"expected 'lon lat', got {xy.Length} numbers");
        CheckLonLat(x, record, "gml:pos", pos, xy[0], xy[1]);
        var (usd, lsd) = ReadDepths(x, geom, record);
        var planes = ReadNodalPlanes(x, e, record);
        var depths = ReadHypoDepths(x, e, record, usd, lsd);
        return new PointSource(id, name, trt, mfd, msr, aspect, new GeoPoint(xy[0], xy[1]), usd, lsd, planes, depths);
    }

    private static AreaSource ReadArea(NrmlXml x, XElement e, string record, string id, string name, string trt,
        IMagnitudeFrequencyDistribution mfd, IMagnitudeScalingRelation msr, double aspect)
    {
        var geom = x.Required(e, "areaGeometry", record);
        var (posList, vertices) = ReadPosList(x, geom, record);
        var pts = new List<GeoPoint>();
        foreach (var p in vertices)
        {
            if (pts.Count > 0 && pts[^1] == p) continue; // repeated vertex, as OpenQuake's clean_points
            pts.Add(p);
        }
        if (pts.Count > 1 && pts[0] == pts[^1]) pts.RemoveAt(pts.Count - 1); // explicitly closed ring
        if (pts.Count < 3) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(posList), "gml:posList", $"polygon needs at least 3 distinct vertices, got {pts.Count}");
        var disc = x.OptionalAttributeDouble(geom, "discretization", record);
        if (disc is not null && !(disc > 0)) throw new QuakeGridInputException(x.Path, record, "discretization", $"area discretisation {disc} must be positive (km)");
        var (usd, lsd) = ReadDepths(x, geom, record);
        var planes = ReadNodalPlanes(x, e, record);
        var depths = ReadHypoDepths(x, e, record, usd, lsd);
        return new AreaSource(id, name, trt, mfd, msr, aspect, pts, usd, lsd, planes, depths, disc);
    }

    private static SimpleFaultSource ReadSimpleFault(NrmlXml x, XElement e, string record, string id, string name, string trt,
        IMagnitudeFrequencyDistribution mfd, IMagnitudeScalingRelation msr, double aspect)
    {
        var geom = x.Required(e, "simpleFaultGeometry", record);
        var (posList, trace) = ReadPosList(x, geom, record);
        if (trace.Count < 2) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(posList), "gml:posList", "fault trace needs at least 2 points");
        var dip = x.ElementDouble(geom, "dip", record);
        if (!(dip > 0 && dip <= 90)) throw new QuakeGridInputException(x.Path, record, "dip", $"dip {dip} must be in (0, 90] degrees");
        var (usd, lsd) = ReadDepths(x, geom, record);
        var rake = x.ElementDouble(e, "rake", record);
        CheckRake(x, record, "rake", rake);
        return new SimpleFaultSource(id, name, trt, mfd, msr, aspect, trace, dip, rake, usd, lsd);
    }

    /// <summary>The <c>gml:posList</c> under <paramref name="geom"/> as lon/lat points (each checked), with its element for error locations.</summary>
    private static (XElement PosList, List<GeoPoint> Points) ReadPosList(NrmlXml x, XElement geom, string record)
    {
        var posList = x.RequiredDescendant(geom, "posList", record);
        var v = x.ParseDoubles(posList.Value, record, "gml:posList", posList);
        if (v.Length % 2 != 0) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(posList), "gml:posList", $"odd number of coordinates ({v.Length}); expected lon lat pairs");
        var pts = new List<GeoPoint>(v.Length / 2);
        for (var i = 0; i < v.Length; i += 2)
        {
            CheckLonLat(x, record, "gml:posList", posList, v[i], v[i + 1]);
            pts.Add(new GeoPoint(v[i], v[i + 1]));
        }
        return (posList, pts);
    }

    private static (double Usd, double Lsd) ReadDepths(NrmlXml x, XElement geom, string record)
    {
        var usd = x.ElementDouble(geom, "upperSeismoDepth", record);
        var lsd = x.ElementDouble(geom, "lowerSeismoDepth", record);
        if (usd < 0) throw new QuakeGridInputException(x.Path, record, "upperSeismoDepth", $"upper seismogenic depth {usd} km must not be negative");
        if (!(lsd > usd)) throw new QuakeGridInputException(x.Path, record, "lowerSeismoDepth", $"lower seismogenic depth {lsd} km must exceed the upper one ({usd} km)");
        return (usd, lsd);
    }

    private static IMagnitudeFrequencyDistribution ReadMfd(NrmlXml x, XElement e, string record)
    {
        var gr = NrmlXml.Child(e, "truncGutenbergRichterMFD");
        var inc = NrmlXml.Child(e, "incrementalMFD");
        if (gr is not null && inc is not null)
            throw new QuakeGridInputException(x.Path, record, "MFD", "source has both truncGutenbergRichterMFD and incrementalMFD");
        if (gr is not null)
        {
            var a = x.AttributeDouble(gr, "aValue", record);
            var b = x.AttributeDouble(gr, "bValue", record);
            var min = x.AttributeDouble(gr, "minMag", record);
            var max = x.AttributeDouble(gr, "maxMag", record);
            if (!(b > 0)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(gr), "bValue", $"b value {b} must be positive");
            if (!(max > min)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(gr), "maxMag", $"maxMag {max} must exceed minMag {min}");
            return new TruncatedGutenbergRichterMfd(a, b, min, max);
        }
        if (inc is not null)
        {
            var min = x.AttributeDouble(inc, "minMag", record);
            var w = x.AttributeDouble(inc, "binWidth", record);
            if (!(w > 0)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(inc), "binWidth", $"bin width {w} must be positive");
            var ratesEl = x.Required(inc, "occurRates", record);
            var rates = x.ParseDoubles(ratesEl.Value, record, "occurRates", ratesEl);
            if (rates.Length == 0) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(ratesEl), "occurRates", "no occurrence rates");
            foreach (var r in rates)
                if (r < 0) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(ratesEl), "occurRates", $"occurrence rate {r} must not be negative");
            return new IncrementalMfd(min, w, rates);
        }
        var other = e.Elements().FirstOrDefault(c => c.Name.LocalName.EndsWith("MFD", StringComparison.Ordinal));
        if (other is not null)
            throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(other), other.Name.LocalName,
                $"unsupported MFD type '{other.Name.LocalName}' (supported: truncGutenbergRichterMFD, incrementalMFD)");
        throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(e), "MFD", "source has no magnitude-frequency distribution");
    }

    private static IMagnitudeScalingRelation ReadMsr(NrmlXml x, XElement e, string record)
    {
        var el = x.Required(e, "magScaleRel", record);
        var text = el.Value.Trim();
        try
        {
            return ScalingRelationRegistry.Parse(text);
        }
        catch (Exception ex) when (ex is not QuakeGridInputException)
        {
            throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(el), "magScaleRel", $"unknown magnitude scaling relation '{text}': {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<NodalPlane> ReadNodalPlanes(NrmlXml x, XElement e, string record)
    {
        var dist = x.Required(e, "nodalPlaneDist", record);
        var list = new List<NodalPlane>();
        foreach (var np in NrmlXml.Children(dist, "nodalPlane"))
        {
            var strike = x.AttributeDouble(np, "strike", record);
            var dip = x.AttributeDouble(np, "dip", record);
            var rake = x.AttributeDouble(np, "rake", record);
            var p = x.AttributeDouble(np, "probability", record);
            if (strike < 0 || strike > 360) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(np), "strike", $"strike {strike} must be in [0, 360]");
            if (!(dip > 0 && dip <= 90)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(np), "dip", $"dip {dip} must be in (0, 90]");
            CheckRake(x, record, "rake", rake);
            if (!(p > 0 && p <= 1)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(np), "probability", $"probability {p} must be in (0, 1]");
            list.Add(new NodalPlane(strike, dip, rake, p));
        }
        if (list.Count == 0) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(dist), "nodalPlaneDist", "no <nodalPlane> entries");
        CheckSum(x, record, "nodalPlaneDist", list.Sum(n => n.Probability));
        return list;
    }

    private static IReadOnlyList<HypoDepth> ReadHypoDepths(NrmlXml x, XElement e, string record, double usd, double lsd)
    {
        var dist = x.Required(e, "hypoDepthDist", record);
        var list = new List<HypoDepth>();
        foreach (var hd in NrmlXml.Children(dist, "hypoDepth"))
        {
            var d = x.AttributeDouble(hd, "depth", record);
            var p = x.AttributeDouble(hd, "probability", record);
            if (d < usd || d > lsd) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(hd), "depth", $"hypocentral depth {d} km lies outside the seismogenic layer [{usd}, {lsd}] km");
            if (!(p > 0 && p <= 1)) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(hd), "probability", $"probability {p} must be in (0, 1]");
            list.Add(new HypoDepth(d, p));
        }
        if (list.Count == 0) throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(dist), "hypoDepthDist", "no <hypoDepth> entries");
        CheckSum(x, record, "hypoDepthDist", list.Sum(h => h.Probability));
        return list;
    }

    private static void CheckSum(NrmlXml x, string record, string field, double sum)
    {
        if (Math.Abs(sum - 1.0) > 1e-6)
            throw new QuakeGridInputException(x.Path, record, field, $"probabilities sum to {sum}, not 1");
    }

    private static void CheckRake(NrmlXml x, string record, string field, double rake)
    {
        if (rake < -180 || rake > 180) throw new QuakeGridInputException(x.Path, record, field, $"rake {rake} must be in [-180, 180] degrees");
    }

    private static void CheckLonLat(NrmlXml x, string record, string field, XObject where, double lon, double lat)
    {
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
            throw new QuakeGridInputException(x.Path, record + NrmlXml.Line(where), field, $"coordinate ({lon}, {lat}) is not a valid lon/lat");
    }
}
