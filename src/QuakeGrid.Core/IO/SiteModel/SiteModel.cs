using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.IO.SiteModel;

/// <summary>
/// A site model read from an OpenQuake site-model CSV: the sites (lon, lat, Vs30 m/s, z1.0 m), the optional
/// <c>custom_site_id</c> of each site (null when the file has no such column) and the file's header columns.
/// </summary>
public sealed record SiteModel(SiteCollection Sites, string[]? Ids, IReadOnlyList<string> Header);
