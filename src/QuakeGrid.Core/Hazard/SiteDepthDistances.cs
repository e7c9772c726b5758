using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// Rrup for sites that are not at sea level (job.ini <c>sites = lon lat depth</c>, depth in km positive down, negative
/// above sea level), as OpenQuake computes it from the 3-D site position. Rjb, Rx and Ry0 are horizontal and unchanged.
/// Uses the planar surface's own projection and distance kernel (<see cref="PlanarSurface.KernelFor"/>) with the site
/// placed at its depth (<see cref="LocalProjection.Cartesian"/>).
/// </summary>
internal static class SiteDepthDistances
{
    /// <summary>True when the surface type supports site depths.</summary>
    public static bool Supports(IRuptureSurface surface) => surface is PlanarSurface;

    /// <summary>Overwrites <paramref name="rrup"/>[i] for every site whose depth is non-zero.</summary>
    public static void AdjustRrup(IRuptureSurface surface, ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, ReadOnlySpan<double> depth, Span<double> rrup)
    {
        if (surface is not PlanarSurface plane)
            throw new NotSupportedException($"site depths are supported for planar ruptures only, not {surface.GetType().Name}");
        // Nothing to do (and no projection to build) when every site is at sea level: the common case of a site model whose
        // depths are zero for the sites near this rupture.
        var any = false;
        foreach (var d in depth) any |= d != 0;
        if (!any) return;
        var (clon, clat) = PlanarSurface.Centre(plane.TopLeft, plane.TopRight, plane.BottomRight, plane.BottomLeft);
        var projection = new LocalProjection(clon, clat);
        var kernel = plane.KernelFor(projection);
        for (var i = 0; i < lon.Length; i++)
        {
            if (depth[i] == 0) continue;
            var (x, y, z) = projection.Cartesian(lon[i], lat[i], depth[i]);
            rrup[i] = Math.Sqrt(kernel.Rrup2(x, y, z));
        }
    }
}
