using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Ruptures;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Validation;
using QuakeGrid.Grains.Tests.Support;

namespace QuakeGrid.Grains.Tests.Mapping;

public sealed class RuptureSpecMapperTests
{
    [Fact]
    public void PlanarRuptureRoundTripsWithIdenticalCornersAndDistances()
    {
        var rupture = TestInputs.HaywardRupture();
        var back = RuptureSpecMapper.ToCore(RuptureSpecMapper.FromCore(rupture), "test");
        var p = Assert.IsType<PlanarSurface>(rupture.Surface);
        var q = Assert.IsType<PlanarSurface>(back.Surface);
        Assert.Equal(p.Corners, q.Corners);
        Assert.Equal((rupture.Magnitude, rupture.Rake, rupture.Hypocenter), (back.Magnitude, back.Rake, back.Hypocenter));

        var sites = TestInputs.HaywardSites;
        var d1 = new DistanceSet(sites.Count);
        var d2 = new DistanceSet(sites.Count);
        p.ComputeDistances(sites.Lon, sites.Lat, d1);
        q.ComputeDistances(sites.Lon, sites.Lat, d2);
        Assert.Equal(d1.Rjb, d2.Rjb);
        Assert.Equal(d1.Rrup, d2.Rrup);
    }

    [Fact]
    public void RuptureWithoutPlanesIsRefusedNamingTheField()
    {
        var spec = new RuptureSpec(6.0, 0.0, new PointSpec(10, 45, 10), []);
        var e = Assert.Throws<QuakeGridInputException>(() => RuptureSpecMapper.ToCore(spec, "job x"));
        Assert.Contains("field 'planes'", e.Message);
    }

    [Fact]
    public void PlaneWithCornersOutOfOrderIsRefusedNamingThePlane()
    {
        var good = RuptureSpecMapper.FromCore(TestInputs.HaywardRupture());
        var pl = good.Planes[0];
        // Top edge swapped with the bottom edge: the bottom is then above the top.
        var bad = good with { Planes = [new PlaneSpec(pl.BottomLeft, pl.BottomRight, pl.TopLeft, pl.TopRight)] };
        var e = Assert.Throws<QuakeGridInputException>(() => RuptureSpecMapper.ToCore(bad, "job x"));
        Assert.Contains("rupture plane 0", e.Message);
    }
}
