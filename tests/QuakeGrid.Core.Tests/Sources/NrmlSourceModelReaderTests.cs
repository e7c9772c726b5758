using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Sources;

public class NrmlSourceModelReaderTests
{
    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    [Fact]
    public void Reads_Nepal_Nrml05_23AreaSources()
    {
        var model = NrmlSourceModelReader.Read(Data("sources", "nepal", "source_model.xml"));
        Assert.Equal("South East Asia GSHAP model", model.Name);
        Assert.Equal(23, model.Sources.Count);
        Assert.All(model.Sources, s => Assert.IsType<AreaSource>(s));
        var first = (AreaSource)model.Sources[0];
        Assert.Equal("224", first.Id);
        Assert.Equal("Active Shallow Crust", first.TectonicRegion);
        Assert.Equal(4, first.Polygon.Count);
        Assert.Equal(89.59, first.Polygon[0].Lon, 10);
        Assert.Equal(25.31, first.Polygon[0].Lat, 10);
        Assert.Equal(0.0, first.UpperSeismogenicDepth);
        Assert.Equal(30.0, first.LowerSeismogenicDepth);
        Assert.Equal("WC1994", first.Msr.Name);
        var gr = Assert.IsType<TruncatedGutenbergRichterMfd>(first.Mfd);
        Assert.Equal(2.6922, gr.AValue, 12);
        Assert.Equal(0.7522, gr.BValue, 12);
        Assert.Equal(new NodalPlane(273, 60, 0, 1), first.NodalPlanes.Single());
        Assert.Equal(new HypoDepth(15, 1), first.HypoDepths.Single());
    }

    [Fact]
    public void Reads_Aegean_Nrml04_WithoutSourceGroups()
    {
        var model = NrmlSourceModelReader.Read(Data("sources", "aegean", "New_Aegean_Source_Model.xml"));
        Assert.Equal(13, model.Sources.Count);
        var montenegro = (AreaSource)model.Sources[0];
        Assert.Equal("Montenegro", montenegro.Name);
        Assert.Equal(6, montenegro.Polygon.Count); // the closing vertex repeats the first and is dropped
        Assert.Equal(10.0, montenegro.Discretization);
        Assert.Equal(1.5, montenegro.RuptureAspectRatio);
        Assert.Equal(2, montenegro.NodalPlanes.Count);
        Assert.Equal([new HypoDepth(5, 0.3), new HypoDepth(15, 0.7)], montenegro.HypoDepths);
    }

    [Fact]
    public void Reads_OqCase01_PointSource_WithCScalingMsr()
    {
        var model = NrmlSourceModelReader.Read(Data("hazard", "oq_case_01", "source_model.xml"));
        var p = Assert.IsType<PointSource>(model.Sources.Single());
        Assert.Equal(3, p.NodalPlanes.Count);
        Assert.Equal(10.0, p.LowerSeismogenicDepth);
        Assert.Equal(Math.Pow(10, 4.0 - 3.9), p.Msr.MedianArea(4.0, 0), 12);
        var bins = p.Mfd.Rates(1.0);
        Assert.Equal(new MagnitudeRate(4.0, 1.0), bins.Single());
    }

    [Fact]
    public void Reads_SimpleFault()
    {
        var model = NrmlSourceModelReader.Read(Data("hazard", "peer", "set1_case5", "source_model.xml"));
        var f = Assert.IsType<SimpleFaultSource>(model.Sources.Single());
        Assert.Equal(90.0, f.Dip);
        Assert.Equal(2, f.Trace.Count);
        Assert.Equal("PeerMSR", f.Msr.Name);
        Assert.Equal(12.0, f.LowerSeismogenicDepth);
    }

    private static string WriteTemp(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"qg-nrml-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <nrml xmlns="http://openquake.org/xmlns/nrml/0.5" xmlns:gml="http://www.opengis.net/gml">
            <sourceModel name="t"><sourceGroup tectonicRegion="Active Shallow Crust">{body}</sourceGroup></sourceModel></nrml>
            """);
        return path;
    }

    private const string Point = """
        <pointSource id="{0}" name="p">
          <pointGeometry><gml:Point><gml:pos>0 0</gml:pos></gml:Point>
            <upperSeismoDepth>0</upperSeismoDepth><lowerSeismoDepth>10</lowerSeismoDepth></pointGeometry>
          <magScaleRel>WC1994</magScaleRel><ruptAspectRatio>1</ruptAspectRatio>
          <truncGutenbergRichterMFD aValue="3" bValue="{1}" minMag="5" maxMag="7"/>
          <nodalPlaneDist><nodalPlane strike="0" dip="90" rake="0" probability="1"/></nodalPlaneDist>
          <hypoDepthDist><hypoDepth depth="5" probability="1"/></hypoDepthDist>
        </pointSource>
        """;

    [Fact]
    public void DuplicateSourceId_IsAnError()
    {
        var path = WriteTemp(string.Format(Point, "a", "1") + string.Format(Point, "a", "1"));
        var e = Assert.Throws<QuakeGridInputException>(() => NrmlSourceModelReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("duplicate source id 'a'", e.Message);
    }

    [Fact]
    public void UnknownSourceType_IsAnErrorNamingIt()
    {
        var path = WriteTemp("""<complexFaultSource id="cf1" name="x"/>""");
        var e = Assert.Throws<QuakeGridInputException>(() => NrmlSourceModelReader.Read(path));
        Assert.Contains("complexFaultSource", e.Message);
        Assert.Contains("cf1", e.Message);
    }

    [Fact]
    public void BadAttribute_NamesFileSourceAndAttribute()
    {
        var path = WriteTemp(string.Format(Point, "p7", "abc"));
        var e = Assert.Throws<QuakeGridInputException>(() => NrmlSourceModelReader.Read(path));
        Assert.Equal(path, e.Source);
        Assert.Contains("pointSource id 'p7'", e.Record);
        Assert.Equal("bValue", e.Field);
    }

    [Fact]
    public void UnknownScalingRelation_IsAnError()
    {
        var path = WriteTemp(string.Format(Point, "p1", "1").Replace("WC1994", "Leonard2099"));
        var e = Assert.Throws<QuakeGridInputException>(() => NrmlSourceModelReader.Read(path));
        Assert.Equal("magScaleRel", e.Field);
        Assert.Contains("Leonard2099", e.Message);
    }

    [Fact]
    public void HypoDepthOutsideLayer_IsAnError()
    {
        var path = WriteTemp(string.Format(Point, "p1", "1").Replace("depth=\"5\"", "depth=\"12\""));
        var e = Assert.Throws<QuakeGridInputException>(() => NrmlSourceModelReader.Read(path));
        Assert.Equal("depth", e.Field);
    }
}
