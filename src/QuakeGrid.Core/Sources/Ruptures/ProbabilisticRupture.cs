using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Sources.Ruptures;

/// <summary>
/// A rupture with its annual occurrence rate (events/yr, Poissonian), the index of its source in the model and its
/// index among that source's ruptures (stable identifiers for seeding and auditing).
/// </summary>
public sealed record ProbabilisticRupture(Rupture Rupture, double AnnualRate, int SourceIndex, int IndexInSource);
