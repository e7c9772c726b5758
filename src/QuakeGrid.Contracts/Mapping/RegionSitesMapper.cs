using QuakeGrid.Contracts.Sites;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Contracts.Mapping;

/// <summary>Maps a tile of a Core <see cref="SiteCollection"/> to the wire record <see cref="RegionSites"/> and back.</summary>
public static class RegionSitesMapper
{
    /// <summary>The sites of <paramref name="tile"/> taken from <paramref name="sites"/>.</summary>
    public static RegionSites FromTile(SiteCollection sites, SiteTile tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var sub = SiteTiling.Extract(sites, tile.SiteIndices);
        return new RegionSites(tile.TileId, tile.SiteIndices, sub.Lon, sub.Lat, sub.Vs30, sub.Z1pt0);
    }

    /// <summary>A validated Core site collection; <paramref name="source"/> names the tile in error messages.</summary>
    public static SiteCollection ToCore(RegionSites sites, string source)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var n = sites.SiteIndices.Length;
        if (sites.Lon.Length != n || sites.Lat.Length != n || sites.Vs30.Length != n || sites.Z1pt0.Length != n)
            throw new Core.Validation.QuakeGridInputException(source, null, "sites",
                $"site arrays have different lengths (indices {n}, lon {sites.Lon.Length}, lat {sites.Lat.Length}, vs30 {sites.Vs30.Length}, z1pt0 {sites.Z1pt0.Length})");
        return new SiteCollection(sites.Lon, sites.Lat, sites.Vs30, sites.Z1pt0, source);
    }
}
