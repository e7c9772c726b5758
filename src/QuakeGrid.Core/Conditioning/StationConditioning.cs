using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Stations;
using QuakeGrid.Core.Sites;

namespace QuakeGrid.Core.Conditioning;

/// <summary>Result of <see cref="StationConditioning.Run"/>: the conditioned field and, when asked, E samples (row-major n×E).</summary>
public sealed record StationConditioningResult(ConditionedField Field, double[]? Samples, int SampleCount, IReadOnlyList<Imt> SkippedImts);

/// <summary>
/// One call from station data to a conditioned ground-motion field (ShakeMap 4.1 / Engler et al. 2022): GMM at stations
/// and targets, between-event posterior, kriging (exact or k nearest stations) and optionally conditional samples
/// (Matheron update over dense or Vecchia unconditional fields), with seeds from (job seed, event id, IMT).
/// </summary>
public static class StationConditioning
{
    public static StationConditioningResult Run(StationSet stations, SiteCollection targets, Imt imt, IGroundMotionModel gmm,
        Rupture rupture, ConditioningModel model, ConditioningMethod method = ConditioningMethod.Scalable, int neighbours = 50,
        int samples = 0, ulong seed = 0, long firstEventId = 0)
    {
        var projection = ConditioningInputs.SharedProjection(stations, targets);
        var st = ConditioningInputs.Stations(stations, gmm, rupture, projection, out var skipped);
        var tg = ConditioningInputs.Targets(targets, imt, gmm, rupture, projection);
        var sys = StationSystem.Build(st, model, imt);
        KrigingWeights? w;
        var field = method == ConditioningMethod.Exact
            ? ExactConditioner.Condition(sys, tg, model, out w, samples > 0)
            : ScalableConditioner.Condition(sys, tg, model, new ScalableConditioningOptions { NeighbourCount = neighbours }, out w, samples > 0);
        double[]? y = null;
        if (samples > 0)
        {
            IFieldSampler sampler = method == ConditioningMethod.Exact ? new DenseFieldSampler() : new VecchiaFieldSampler();
            y = ConditionalSampler.Sample(field, w!, model, sampler, seed, firstEventId, samples);
        }
        return new StationConditioningResult(field, y, samples, skipped);
    }
}
