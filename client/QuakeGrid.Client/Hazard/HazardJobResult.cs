using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard;

namespace QuakeGrid.Client;

/// <summary>A finished hazard job: its final status, mean curves and maps (Core's <see cref="HazardCurveSet"/>) and event set.</summary>
public sealed record HazardJobResult(string JobId, HazardJobStatus Status, HazardCurveSet Curves, IReadOnlyList<RuptureOccurrence> Events);
