using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Sources.Ruptures;

namespace QuakeGrid.Core.Tests.Sources;

public class FloatingFaultRupturesTests
{
    [Fact]
    public void PeerCase2_Has72RupturesOf8x15Nodes_AsOpenQuake()
    {
        // OQ's acceptance data for PEER Set 1 Case 2 (SET1_CASE2_SOURCE_DATA): 12 positions along strike x 6 down dip,
        // each rupture an 8 x 15 node mesh at 1 km spacing, hypocentre depths 3.5 ... 8.5 km, rate 0.0160425168864 / 72.
        var model = NrmlSourceModelReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "hazard", "peer", "set1_case2", "source_model.xml"));
        var ruptures = RuptureGenerator.Generate(model, new RuptureSettings(1.0, 0.1, null));
        Assert.Equal(72, ruptures.Count);
        Assert.All(ruptures, r => Assert.Equal(0.0160425168864 / 72 * 1e6, r.AnnualRate * 1e6, 10));
        Assert.All(ruptures, r => Assert.Equal(6.0, r.Rupture.Magnitude, 12));
        Assert.All(ruptures, r => Assert.Equal(7.0, r.Rupture.Surface.Width, 6));
        var tops = ruptures.Select(r => Math.Round(r.Rupture.Surface.ZTor, 6)).Distinct().Order().ToArray();
        Assert.Equal([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], tops);
        var hypoDepths = ruptures.Select(r => Math.Round(r.Rupture.Hypocenter.Depth, 6)).Distinct().Order().ToArray();
        Assert.Equal([3.5, 4.5, 5.5, 6.5, 7.5, 8.5], hypoDepths);
        Assert.Equal(72, ruptures.Select(r => r.IndexInSource).Distinct().Count());
    }

    [Fact]
    public void PeerCase1_WholeFaultRupture()
    {
        // A = 10^2.5 = 316 km2 exceeds the 25 x 12 km fault, so the single rupture is the whole fault.
        var model = NrmlSourceModelReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "hazard", "peer", "set1_case1", "source_model.xml"));
        var r = RuptureGenerator.Generate(model, new RuptureSettings(1.0, 0.1, null)).Single();
        Assert.Equal(0.0028528077, r.AnnualRate, 15);
        Assert.Equal(12.0, r.Rupture.Surface.Width, 6);
        Assert.Equal(0.0, r.Rupture.Surface.ZTor, 6);
    }
}
