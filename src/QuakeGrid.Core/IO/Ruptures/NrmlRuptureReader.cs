using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Ruptures;

/// <summary>
/// Reads an OpenQuake NRML rupture file (namespaces <c>http://openquake.org/xmlns/nrml/0.4</c> and <c>/0.5</c>) into a
/// <see cref="Rupture"/>. Supported: <c>singlePlaneRupture</c> (one <c>planarSurface</c> with topLeft/topRight/bottomLeft/bottomRight
/// lon/lat/depth attributes), <c>multiPlanesRupture</c> (several <c>planarSurface</c>s, as a <see cref="MultiPlanarSurface"/>) and
/// <c>simpleFaultRupture</c> (<c>simpleFaultGeometry</c>: <c>gml:LineString/gml:posList</c> of lon lat pairs, <c>dip</c>,
/// <c>upperSeismoDepth</c>, <c>lowerSeismoDepth</c>). Each has <c>magnitude</c>, <c>rake</c> and <c>hypocenter</c> (lon, lat, depth).
/// The <c>strike</c>/<c>dip</c> attributes of <c>planarSurface</c> are informative in OpenQuake and are ignored here too (the geometry
/// comes from the corners). Every problem is a <see cref="QuakeGridInputException"/> naming the file, the element (with its line)
/// and the attribute or child element.
/// </summary>
public static class NrmlRuptureReader
{
    public const string Nrml04 = "http://openquake.org/xmlns/nrml/0.4";
    public const string Nrml05 = "http://openquake.org/xmlns/nrml/0.5";
    private const string Gml = "http://www.opengis.net/gml";

    /// <summary>Reads the rupture in <paramref name="path"/>.</summary>
    public static Rupture Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        XDocument doc;
        try
        {
            doc = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new QuakeGridInputException(path, $"line {ex.LineNumber}", null, $"not well-formed XML: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new QuakeGridInputException(path, null, null, $"cannot read the file: {ex.Message}", ex);
        }
        return Parse(doc, path);
    }

    /// <summary>Parses an NRML rupture document; <paramref name="source"/> names it in errors.</summary>
    public static Rupture Parse(XDocument doc, string source)
    {
        var root = doc.Root ?? throw new QuakeGridInputException(source, null, null, "empty document");
        var ns = root.Name.Namespace.NamespaceName;
        if (root.Name.LocalName != "nrml" || (ns != Nrml04 && ns != Nrml05))
            throw new QuakeGridInputException(source, Where(root), null,
                $"the root element must be <nrml> in namespace {Nrml04} or {Nrml05}, found <{root.Name.LocalName}> in '{ns}'");
        XNamespace n = ns;
        var ruptures = root.Elements().ToList();
        if (ruptures.Count != 1)
            throw new QuakeGridInputException(source, Where(root), null, $"<nrml> must contain exactly one rupture element, found {ruptures.Count}");
        var rup = ruptures[0];
        var kind = rup.Name.LocalName;
        var mag = Number(rup, n + "magnitude", source, 0.0, 10.0);
        var rake = Number(rup, n + "rake", source, -180.0, 180.0);
        var hypo = Point(Child(rup, n + "hypocenter", source), source);
        IRuptureSurface surface = kind switch
        {
            "singlePlaneRupture" => SinglePlane(rup, n, source),
            "multiPlanesRupture" => MultiPlanes(rup, n, source),
            "simpleFaultRupture" => SimpleFault(rup, n, source),
            _ => throw new QuakeGridInputException(source, Where(rup), null,
                $"unsupported rupture type <{kind}>; supported: singlePlaneRupture, multiPlanesRupture, simpleFaultRupture"),
        };
        return new Rupture(mag, rake, hypo, surface);
    }

    private static PlanarSurface SinglePlane(XElement rup, XNamespace n, string source)
    {
        var planes = rup.Elements(n + "planarSurface").ToList();
        if (planes.Count != 1)
            throw new QuakeGridInputException(source, Where(rup), "planarSurface", $"<singlePlaneRupture> needs exactly one <planarSurface>, found {planes.Count}");
        return Plane(planes[0], n, source);
    }

    private static MultiPlanarSurface MultiPlanes(XElement rup, XNamespace n, string source)
    {
        var planes = rup.Elements(n + "planarSurface").ToList();
        if (planes.Count == 0)
            throw new QuakeGridInputException(source, Where(rup), "planarSurface", "<multiPlanesRupture> has no <planarSurface>");
        return new MultiPlanarSurface(planes.Select(p => Plane(p, n, source)).ToList());
    }

    private static PlanarSurface Plane(XElement e, XNamespace n, string source)
    {
        var tl = Point(Child(e, n + "topLeft", source), source);
        var tr = Point(Child(e, n + "topRight", source), source);
        var bl = Point(Child(e, n + "bottomLeft", source), source);
        var br = Point(Child(e, n + "bottomRight", source), source);
        try
        {
            return new PlanarSurface(tl, tr, br, bl);
        }
        catch (ArgumentException ex)
        {
            throw new QuakeGridInputException(source, Where(e), null, ex.Message, ex);
        }
    }

    private static IRuptureSurface SimpleFault(XElement rup, XNamespace n, string source)
    {
        var g = Child(rup, n + "simpleFaultGeometry", source);
        var line = Child(g, (XNamespace)Gml + "LineString", source);
        var posList = Child(line, (XNamespace)Gml + "posList", source);
        var tokens = posList.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 4 || tokens.Length % 2 != 0)
            throw new QuakeGridInputException(source, Where(posList), "gml:posList",
                $"expected at least two 'lon lat' pairs, found {tokens.Length} number(s)");
        var trace = new List<GeoPoint>();
        for (var i = 0; i < tokens.Length; i += 2)
        {
            var lon = Parse(tokens[i], posList, $"gml:posList point {i / 2 + 1} lon", source, -180, 360);
            var lat = Parse(tokens[i + 1], posList, $"gml:posList point {i / 2 + 1} lat", source, -90, 90);
            trace.Add(new GeoPoint(lon, lat));
        }
        var dip = Number(g, n + "dip", source, 0.0, 90.0);
        if (dip == 0) throw new QuakeGridInputException(source, Where(Child(g, n + "dip", source)), "dip", "dip must be in (0, 90] degrees, found 0");
        var upper = Number(g, n + "upperSeismoDepth", source, 0.0, 1000.0);
        var lower = Number(g, n + "lowerSeismoDepth", source, 0.0, 1000.0);
        if (!(lower > upper))
            throw new QuakeGridInputException(source, Where(g), "lowerSeismoDepth", $"lowerSeismoDepth {lower} km must be greater than upperSeismoDepth {upper} km");
        try
        {
            return new SimpleFaultGeometry(trace, dip, upper, lower).ToSurface();
        }
        catch (ArgumentException ex)
        {
            throw new QuakeGridInputException(source, Where(g), null, ex.Message, ex);
        }
    }

    private static XElement Child(XElement parent, XName name, string source) =>
        parent.Element(name) ?? throw new QuakeGridInputException(source, Where(parent), name.LocalName, $"missing child element <{name.LocalName}>");

    private static double Number(XElement parent, XName name, string source, double min, double max)
    {
        var e = Child(parent, name, source);
        return Parse(e.Value.Trim(), e, name.LocalName, source, min, max);
    }

    private static GeoPoint Point(XElement e, string source)
    {
        var lon = Attr(e, "lon", source, -180, 360);
        var lat = Attr(e, "lat", source, -90, 90);
        // OpenQuake allows depths down to the highest elevation on Earth (−8.848 km)
        var depth = Attr(e, "depth", source, -8.848, 1000);
        return new GeoPoint(lon, lat, depth);
    }

    private static double Attr(XElement e, string name, string source, double min, double max)
    {
        var a = e.Attribute(name) ?? throw new QuakeGridInputException(source, Where(e), name, $"missing attribute '{name}'");
        return Parse(a.Value.Trim(), e, name, source, min, max);
    }

    private static double Parse(string text, XElement e, string field, string source, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new QuakeGridInputException(source, Where(e), field, $"'{text}' is not a number");
        if (!double.IsFinite(v))
            throw new QuakeGridInputException(source, Where(e), field, $"value {text} is not finite");
        if (v < min || v > max)
            throw new QuakeGridInputException(source, Where(e), field, $"value {v.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    private static string Where(XElement e)
    {
        var line = ((IXmlLineInfo)e).HasLineInfo() ? $"line {((IXmlLineInfo)e).LineNumber} " : "";
        return $"{line}<{e.Name.LocalName}>";
    }
}
