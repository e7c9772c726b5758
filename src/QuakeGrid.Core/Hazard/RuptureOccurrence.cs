using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Hazard;

/// <summary>
/// One rupture of the stochastic event set that occurred at least once: its id (source index &lt;&lt; 32 | index in
/// source), source id, magnitude (Mw), rake (degrees), hypocentre (lon, lat in degrees, depth km), annual rate and the
/// number of occurrences in all stochastic event sets together.
/// </summary>
public sealed record RuptureOccurrence(long RuptureId, string SourceId, double Magnitude, double Rake, GeoPoint Hypocenter,
    double AnnualRate, int Occurrences);
