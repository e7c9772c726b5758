using System.Globalization;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sources;

namespace QuakeGrid.Core.Tests.Sources;

public class PolygonGridTests
{
    [Fact]
    public void PeerArea1_10kmGrid_CoversTheCircleUniformly()
    {
        var poly = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "hazard", "expected", "peer2010_set1_area_polygon.csv"))
            .Skip(1).Select(l => l.Split(','))
            .Select(c => new GeoPoint(double.Parse(c[1], CultureInfo.InvariantCulture), double.Parse(c[2], CultureInfo.InvariantCulture)))
            .ToList();
        var (lon, lat) = PolygonGrid.Discretize(poly, 10.0);
        // A 100 km radius circle at 10 km spacing holds about pi * 100^2 / 10^2 = 314 nodes.
        Assert.InRange(lon.Length, 300, 330);
        for (var i = 0; i < lon.Length; i++)
            Assert.True(Geodesy.DistanceKm(-122.0, 38.0, lon[i], lat[i]) < 100.5, $"node {i} outside the circle");
        // The sweep starts at the north-west corner of the bounding box and moves east then south.
        Assert.True(lat[0] >= lat[^1]);
        // Neighbouring nodes along a row are 10 km apart.
        Assert.Equal(10.0, Geodesy.DistanceKm(lon[0], lat[0], lon[1], lat[1]), 1);
    }

    [Fact]
    public void RejectsNonPositiveSpacing() =>
        Assert.Throws<ArgumentException>(() => PolygonGrid.Discretize([new(0, 0), new(1, 0), new(1, 1)], 0));
}
