using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Client;

/// <summary>
/// A scenario shaking job: one rupture, the sites, the IMTs and a GMM (name as <see cref="GmmFactory"/> accepts it,
/// with its options). The sites are split into region tiles of at most <paramref name="TileSize"/> sites.
/// </summary>
public sealed record ScenarioRequest(
    Rupture Rupture,
    SiteCollection Sites,
    IReadOnlyList<Imt> Imts,
    string GmmName,
    GmmOptions GmmOptions,
    int TileSize = 2000);
