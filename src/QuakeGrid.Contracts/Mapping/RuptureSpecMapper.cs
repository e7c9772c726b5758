using QuakeGrid.Contracts.Ruptures;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Contracts.Mapping;

/// <summary>
/// Maps Core ruptures to the wire record <see cref="RuptureSpec"/> and back. A <see cref="PlanarSurface"/> becomes
/// one plane, a <see cref="MultiPlanarSurface"/> one plane per quadrilateral; the corners are copied exactly, so the
/// surface rebuilt on a silo yields the same distances, bit for bit, as the original.
/// </summary>
public static class RuptureSpecMapper
{
    /// <summary>Wire record of a Core rupture whose surface is planar or multi-planar.</summary>
    /// <exception cref="NotSupportedException">For any other surface type.</exception>
    public static RuptureSpec FromCore(Rupture rupture)
    {
        ArgumentNullException.ThrowIfNull(rupture);
        PlaneSpec[] planes = rupture.Surface switch
        {
            PlanarSurface p => [ToWire(p)],
            MultiPlanarSurface m => m.Planes.Select(ToWire).ToArray(),
            var s => throw new NotSupportedException($"rupture surface type {s.GetType().Name} cannot be sent to the cluster (planar and multi-planar surfaces can)"),
        };
        return new RuptureSpec(rupture.Magnitude, rupture.Rake, ToWire(rupture.Hypocenter), planes);
    }

    /// <summary>Core rupture of a wire record; problems are reported against <paramref name="source"/>.</summary>
    public static Rupture ToCore(RuptureSpec? spec, string source)
    {
        if (spec is null) throw new QuakeGridInputException(source, null, "rupture", "no rupture was given");
        if (spec.Planes is null || spec.Planes.Length == 0) throw new QuakeGridInputException(source, "rupture", "planes", "the rupture has no planes");
        if (!double.IsFinite(spec.Magnitude)) throw new QuakeGridInputException(source, "rupture", "magnitude", $"magnitude {spec.Magnitude} is not finite");
        if (!double.IsFinite(spec.Rake) || spec.Rake < -180 || spec.Rake > 180) throw new QuakeGridInputException(source, "rupture", "rake", $"rake {spec.Rake} is not in [-180, 180] degrees");
        if (spec.Hypocenter is null) throw new QuakeGridInputException(source, "rupture", "hypocenter", "no hypocentre was given");

        var planes = new PlanarSurface[spec.Planes.Length];
        for (var k = 0; k < planes.Length; k++)
        {
            var p = spec.Planes[k] ?? throw new QuakeGridInputException(source, $"rupture plane {k}", "plane", "the plane is missing");
            try
            {
                planes[k] = new PlanarSurface(ToCore(p.TopLeft), ToCore(p.TopRight), ToCore(p.BottomRight), ToCore(p.BottomLeft));
            }
            catch (Exception e) when (e is ArgumentException or QuakeGridInputException)
            {
                throw new QuakeGridInputException(source, $"rupture plane {k}", "corners", e.Message, e);
            }
        }
        IRuptureSurface surface = planes.Length == 1 ? planes[0] : new MultiPlanarSurface(planes);
        return new Rupture(spec.Magnitude, spec.Rake, ToCore(spec.Hypocenter), surface);
    }

    private static PlaneSpec ToWire(PlanarSurface p) =>
        new(ToWire(p.TopLeft), ToWire(p.TopRight), ToWire(p.BottomLeft), ToWire(p.BottomRight));

    private static PointSpec ToWire(GeoPoint p) => new(p.Lon, p.Lat, p.Depth);

    private static GeoPoint ToCore(PointSpec? p) =>
        p is null ? throw new ArgumentException("a corner point is missing") : new GeoPoint(p.Lon, p.Lat, p.Depth);
}
