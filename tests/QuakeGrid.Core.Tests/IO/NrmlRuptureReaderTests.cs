using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.IO.Ruptures;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.IO;

public class NrmlRuptureReaderTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", "ruptures", name);

    [Fact]
    public void Reads_Durres_single_plane_nrml04()
    {
        var r = NrmlRuptureReader.Read(Data("durres2019_earthquake_rupture_model_GCMT.xml"));
        Assert.Equal(6.4, r.Magnitude);
        Assert.Equal(79.0, r.Rake);
        Assert.Equal(new GeoPoint(19.45, 41.39, 24.1), r.Hypocenter);
        var s = Assert.IsType<PlanarSurface>(r.Surface);
        Assert.Equal(new GeoPoint(19.40159, 41.47212, 19.31220), s.TopLeft);
        Assert.Equal(new GeoPoint(19.49829, 41.30786, 28.88780), s.BottomRight);
        Assert.Equal(19.3122, s.ZTor, 6);
        // the file's informative attributes: strike 145, dip 68; the corners agree within a degree
        Assert.InRange(s.Strike, 144, 146);
        Assert.InRange(s.Dip, 67, 69);
        // width = depth range / sin(dip) = 9.5756 / sin 68° = 10.328 km
        Assert.Equal(9.5756 / Math.Sin(68 * Math.PI / 180), s.Width, 1);
    }

    [Fact]
    public void Reads_Puebla_nrml05_with_text_comments_between_corners()
    {
        var r = NrmlRuptureReader.Read(Data("puebla2017_earthquake_rupture_model_USGS.xml"));
        Assert.Equal(7.1, r.Magnitude);
        Assert.Equal(-98.0, r.Rake);
        Assert.Equal(48.0, r.Hypocenter.Depth);
        var s = Assert.IsType<PlanarSurface>(r.Surface);
        Assert.Equal(46.1, s.ZTor, 9);
        // topLeft (−98.51, 18.67) → topRight (−98.30, 18.60): 22.1 km east, 7.8 km south → azimuth ≈ 109.4°; the bottom corners lie
        // 10.48 and 11.88 km to the SSW (right of the strike; flat arithmetic) and 10.8 km deeper → dip ≈ atan(10.8/11.18) = 44.0°.
        Assert.InRange(s.Strike, 108.5, 110.5);
        Assert.InRange(s.Dip, 43.5, 44.5);
        // bottomRight is ≈ 1 km off the plane of the other corners: beyond OpenQuake's tolerance, a warning as in OpenQuake
        Assert.NotNull(s.PlanarityWarning);
        Assert.InRange(s.OffPlaneKm, 0.9, 1.1);
    }

    [Fact]
    public void Reads_Van_imperfect_rectangle_in_any_element_order()
    {
        // top edge 19.9 km, bottom 19.3 km: within OpenQuake's tolerance 0.002 × area (≈ 1.4 km)
        var r = NrmlRuptureReader.Read(Data("van2011_rupture_model.xml"));
        var s = Assert.IsType<PlanarSurface>(r.Surface);
        Assert.Equal(new GeoPoint(43.61, 38.63, 3), s.TopLeft);
        Assert.Equal(new GeoPoint(43.31, 38.68, 30), s.BottomRight);
        // The file's informative strike/dip (242, 41) do not match its corners (OpenQuake ignores them too). By hand:
        // azimuth (43.61, 38.63) → (43.42, 38.53) = 236.11°; the bottom corners lie 18.25 and 19.18 km to the right of the top
        // edge (flat arithmetic at 38.6°N) and 27 km deeper → dip = atan(27 / 18.71) = 55.3°.
        Assert.Equal(236.108, s.Strike, 2);
        Assert.InRange(s.Dip, 54.8, 55.8);
    }

    [Fact]
    public void Reads_Nepal_simple_fault()
    {
        var r = NrmlRuptureReader.Read(Data("nepal_fault_rupture.xml"));
        Assert.Equal(7.0, r.Magnitude);
        Assert.Equal(90.0, r.Rake);
        Assert.Equal(new GeoPoint(84.4, 27.6, 30.0), r.Hypocenter);
        Assert.Equal(20.0, r.Surface.ZTor, 9);
        Assert.Equal(60.0, r.Surface.Width, 2);   // (50 − 20) / sin 30°
        Assert.Equal(30.0, r.Surface.Dip, 1);
        // top edge starts 20 / tan 30° = 34.641 km from the trace start (85.0, 27.3), towards strike + 90°
        var start = r.Surface.TopEdge[0];
        Assert.Equal(34.641, Geodesy.DistanceKm(85.0, 27.3, start.Lon, start.Lat), 3);
    }

    [Fact]
    public void Reads_multi_planes()
    {
        var r = NrmlRuptureReader.Read(Data("multi_planes_lshape.xml"));
        var s = Assert.IsType<MultiPlanarSurface>(r.Surface);
        Assert.Equal(2, s.Planes.Count);
        Assert.Equal(45.0, s.Strike, 1);
        // GC2 hand case (MultiPlanarSurfaceTests): site (0.2, 0.1) → Rx = 7.04475 km, Ry0 = 4.07477 km
        var d = new DistanceSet(1);
        s.ComputeDistances([0.2], [0.1], d);
        Assert.Equal(7.04475, d.Rx[0], 2);
        Assert.Equal(4.07477, d.Ry0[0], 2);
    }

    [Fact]
    public void Complex_fault_is_an_unsupported_type_error()
    {
        var path = Data("kahramanmaras2023_earthquake_rupture_model_USGS.xml");
        var ex = Assert.Throws<QuakeGridInputException>(() => NrmlRuptureReader.Read(path));
        Assert.Equal(path, ex.Source);
        Assert.Contains("complexFaultRupture", ex.Message);
        Assert.Contains("line 3", ex.Message);
    }

    private const string Good = """
        <?xml version="1.0" encoding="utf-8"?>
        <nrml xmlns:gml="http://www.opengis.net/gml" xmlns="http://openquake.org/xmlns/nrml/0.4">
            <singlePlaneRupture>
                <magnitude>6.4</magnitude>
                <rake>79</rake>
                <hypocenter lat="41.39" lon="19.45" depth="24.1"/>
                <planarSurface strike="145" dip="68">
                    <topLeft lon="19.40159" lat="41.47212" depth="19.31220"/>
                    <topRight lon="19.53625" lat="41.32779" depth="19.31220"/>
                    <bottomLeft lon="19.36358" lat="41.45214" depth="28.88780"/>
                    <bottomRight lon="19.49829" lat="41.30786" depth="28.88780"/>
                </planarSurface>
            </singlePlaneRupture>
        </nrml>
        """;

    private const string Fault = """
        <?xml version="1.0" encoding="utf-8"?>
        <nrml xmlns:gml="http://www.opengis.net/gml" xmlns="http://openquake.org/xmlns/nrml/0.5">
          <simpleFaultRupture>
            <magnitude>7.0</magnitude>
            <rake>90</rake>
            <hypocenter lat="27.6" lon="84.4" depth="30.0"/>
            <simpleFaultGeometry>
              <gml:LineString><gml:posList>85.0 27.3 83.8 27.8</gml:posList></gml:LineString>
              <dip>30.0</dip>
              <upperSeismoDepth>20.0</upperSeismoDepth>
              <lowerSeismoDepth>50.0</lowerSeismoDepth>
            </simpleFaultGeometry>
          </simpleFaultRupture>
        </nrml>
        """;

    [Theory]
    [InlineData("<magnitude>6.4</magnitude>", "", "magnitude", "missing child element")]
    [InlineData("<magnitude>6.4</magnitude>", "<magnitude>big</magnitude>", "magnitude", "not a number")]
    [InlineData("<rake>79</rake>", "<rake>nan</rake>", "rake", "not finite")]
    [InlineData("<rake>79</rake>", "<rake>200</rake>", "rake", "outside")]
    [InlineData("lat=\"41.39\"", "lat=\"95\"", "lat", "outside")]
    [InlineData("depth=\"24.1\"", "", "depth", "missing attribute")]
    [InlineData("<bottomRight lon=\"19.49829\" lat=\"41.30786\" depth=\"28.88780\"/>", "", "bottomRight", "missing child element")]
    [InlineData("<topLeft lon=\"19.40159\"", "<topLeft lon=\"abc\"", "lon", "not a number")]
    [InlineData("singlePlaneRupture>", "pointRupture>", null, "unsupported rupture type <pointRupture>")]
    [InlineData("nrml/0.4", "nrml/0.3", null, "namespace")]
    [InlineData("lat=\"41.30786\" depth=\"28.88780\"", "lat=\"41.2\" depth=\"28.88780\"", null, "different lengths")]
    public void Single_plane_errors_name_file_element_and_attribute(string find, string replace, string? field, string problem)
    {
        var ex = ReadBad(Good.Replace(find, replace));
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Message);
        Assert.Contains("line ", ex.Record);
    }

    [Theory]
    [InlineData("<dip>30.0</dip>", "<dip>0</dip>", "dip", "(0, 90]")]
    [InlineData("<dip>30.0</dip>", "<dip>120</dip>", "dip", "outside")]
    [InlineData("85.0 27.3 83.8 27.8", "85.0 27.3 83.8", "gml:posList", "lon lat")]
    [InlineData("83.8 27.8</gml", "83.8 NaN</gml", "gml:posList point 2 lat", "not finite")]
    [InlineData("<lowerSeismoDepth>50.0</lowerSeismoDepth>", "<lowerSeismoDepth>10.0</lowerSeismoDepth>", "lowerSeismoDepth", "greater than")]
    [InlineData("<upperSeismoDepth>20.0</upperSeismoDepth>", "", "upperSeismoDepth", "missing child element")]
    public void Simple_fault_errors(string find, string replace, string field, string problem)
    {
        var ex = ReadBad(Fault.Replace(find, replace));
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Malformed_xml_names_the_line()
    {
        var ex = ReadBad(Good.Replace("</planarSurface>", ""));
        Assert.Contains("not well-formed", ex.Message);
        Assert.StartsWith("line ", ex.Record);
    }

    private static QuakeGridInputException ReadBad(string xml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qg-nrml-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, xml);
        try
        {
            var ex = Assert.Throws<QuakeGridInputException>(() => NrmlRuptureReader.Read(path));
            Assert.Equal(path, ex.Source);
            Assert.Contains(path, ex.Message);
            return ex;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
