using QuakeGrid.Core.Gp.Vecchia;

namespace QuakeGrid.Core.Hazard.EventBased;

/// <summary>
/// Options of an event-based plan. None of them changes the exceedance counts except <see cref="Correlated"/>,
/// <see cref="Vecchia"/> and <see cref="FieldSampler"/> (which define the within-event field model).
/// </summary>
public sealed record EventBasedOptions
{
    /// <summary>
    /// True (default): spatially correlated within-event residuals when the job names a
    /// <c>ground_motion_correlation_model</c>; false: independent residuals whatever the job says.
    /// </summary>
    public bool Correlated { get; init; } = true;

    /// <summary>Vecchia options of the correlation plan (default m = 30 in the local <see cref="VecchiaOrdering.LevelCell"/> order).</summary>
    public VecchiaOptions? Vecchia { get; init; }

    /// <summary>Prebuilt Vecchia factors over the job's sites (e.g. from <see cref="VecchiaFieldSampler.ForJob"/>); used instead of building them.</summary>
    public VecchiaFieldSampler? FieldSampler { get; init; }

    /// <summary>Events whose fields are drawn in one Vecchia sweep (SIMD lanes; rounded up to a multiple of 4). Speed only.</summary>
    public int EventsPerSweep { get; init; } = 32;

    /// <summary>Threads used to build the correlation plan (−1: all).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
