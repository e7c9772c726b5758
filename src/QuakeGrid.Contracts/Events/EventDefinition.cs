using QuakeGrid.Contracts.Ruptures;
using QuakeGrid.Contracts.Scenario;

namespace QuakeGrid.Contracts.Events;

/// <summary>
/// An earthquake for station conditioning (ShakeMap 4.1 / Engler et al. 2022): its rupture, ground-motion model, the
/// IMTs that can be queried (OpenQuake spelling), the within-event spatial correlation model (a
/// <c>CorrelationFactory.Parse</c> specification such as <c>JB2009</c>), the Vs30 (m/s) used at query points that give
/// none, and the default number of nearest stations that krige a query point.
/// </summary>
[GenerateSerializer, Immutable, Alias("QuakeGrid.EventDefinition")]
public sealed record EventDefinition(
    [property: Id(0)] RuptureSpec Rupture,
    [property: Id(1)] GmmSpec Gmm,
    [property: Id(2)] string[] Imts,
    [property: Id(3)] string Correlation,
    [property: Id(4)] double DefaultVs30,
    [property: Id(5)] int Neighbours);
