using QuakeGrid.Core.Sites;

namespace QuakeGrid.Grains.Tests.Sites;

public sealed class SiteTilingTests
{
    /// <summary>A regular nx × ny grid of sites, numbered row by row from the south-west corner, 0.01° apart.</summary>
    private static SiteCollection Grid(int nx, int ny)
    {
        var lon = new double[nx * ny];
        var lat = new double[nx * ny];
        var vs30 = new double[nx * ny];
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
            {
                lon[j * nx + i] = 10.0 + 0.01 * i;
                lat[j * nx + i] = 45.0 + 0.01 * j;
                vs30[j * nx + i] = 400;
            }
        return new SiteCollection(lon, lat, vs30);
    }

    [Fact]
    public void FourByFourGridInTilesOfFourGivesTheFourQuadrants()
    {
        // Hand-derived: along a Z-order curve the first four cells are the south-west 2x2 quadrant
        // (sites 0,1,4,5), then south-east (2,3,6,7), north-west (8,9,12,13), north-east (10,11,14,15).
        var tiles = SiteTiling.Split(Grid(4, 4), 4);
        Assert.Equal(4, tiles.Count);
        Assert.Equal([0, 1, 4, 5], tiles[0].SiteIndices);
        Assert.Equal([2, 3, 6, 7], tiles[1].SiteIndices);
        Assert.Equal([8, 9, 12, 13], tiles[2].SiteIndices);
        Assert.Equal([10, 11, 14, 15], tiles[3].SiteIndices);
        Assert.Equal([0, 1, 2, 3], tiles.Select(t => t.TileId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(10_000)]
    public void EverySiteIsInExactlyOneTileAndTilesAreBalanced(int tileSize)
    {
        var sites = Grid(37, 23); // 851 sites
        var tiles = SiteTiling.Split(sites, tileSize);
        var all = tiles.SelectMany(t => t.SiteIndices).OrderBy(i => i).ToArray();
        Assert.Equal(Enumerable.Range(0, sites.Count), all);
        Assert.Equal((sites.Count + tileSize - 1) / tileSize, tiles.Count);
        // Sizes differ by at most one (851 in tiles of at most 100: 9 tiles of 94 or 95, not 8 of 100 and one of 51).
        var sizes = tiles.Select(t => t.Count).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, $"tile sizes {sizes.Min()}..{sizes.Max()}");
        Assert.True(sizes.Max() <= tileSize);
    }

    [Fact]
    public void A7076SiteGridInTilesOf7000GivesTwoHalves()
    {
        // The Nepal demo's 0.1° grid (116 × 61 = 7,076 sites) with the default tile size: two tiles of 3,538 sites.
        var tiles = SiteTiling.Split(Grid(116, 61), 7000);
        Assert.Equal([3538, 3538], tiles.Select(t => t.Count));
    }

    [Fact]
    public void TilingIsDeterministicAndIgnoresSiteProperties()
    {
        var a = SiteTiling.Split(Grid(50, 40), 64);
        var g = Grid(50, 40);
        var other = new SiteCollection(g.Lon, g.Lat, g.Vs30.Select(v => v + 100).ToArray());
        var b = SiteTiling.Split(other, 64);
        Assert.Equal(a.Count, b.Count);
        for (var t = 0; t < a.Count; t++) Assert.Equal(a[t].SiteIndices, b[t].SiteIndices);
    }

    [Fact]
    public void TilesOfAGridAreCompactSquares()
    {
        // 64x64 grid in tiles of 64: a Z-order curve fills aligned 8x8 blocks, so each tile spans 8 columns and 8 rows.
        var sites = Grid(64, 64);
        foreach (var t in SiteTiling.Split(sites, 64))
        {
            var cols = t.SiteIndices.Select(i => i % 64).Distinct().Count();
            var rows = t.SiteIndices.Select(i => i / 64).Distinct().Count();
            Assert.Equal((8, 8), (cols, rows));
        }
    }

    [Fact]
    public void NonPositiveTileSizeIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SiteTiling.Split(Grid(2, 2), 0));
    }

    [Fact]
    public void ExtractKeepsTheRequestedOrder()
    {
        var sites = Grid(3, 3);
        var sub = SiteTiling.Extract(sites, [8, 0, 4]);
        Assert.Equal([sites.Lon[8], sites.Lon[0], sites.Lon[4]], sub.Lon);
        Assert.Equal([sites.Lat[8], sites.Lat[0], sites.Lat[4]], sub.Lat);
    }
}
