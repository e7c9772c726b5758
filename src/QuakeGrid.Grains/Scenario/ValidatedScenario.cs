using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Grains.Scenario;

/// <summary>A scenario job spec turned into Core values: the GMM instance, the rupture and the parsed IMTs.</summary>
public sealed record ValidatedScenario(IGroundMotionModel Model, Rupture Rupture, Imt[] Imts);
