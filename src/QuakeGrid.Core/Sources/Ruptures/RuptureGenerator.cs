using QuakeGrid.Core.Sources.Mfd;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Sources.Ruptures;

/// <summary>
/// Turns sources into ruptures with annual rates: point sources directly, area sources via their
/// <see cref="PolygonGrid"/> discretisation (the MFD shared equally among the grid points), simple faults by floating
/// ruptures. Rupture order is deterministic (source order, then OpenQuake's iteration order within a source).
/// </summary>
public static class RuptureGenerator
{
    /// <summary>Ruptures of one source (<paramref name="sourceIndex"/> is its position in the model).</summary>
    public static IReadOnlyList<ProbabilisticRupture> Generate(SeismicSource source, int sourceIndex, RuptureSettings settings, string modelPath = "source model")
    {
        var list = new List<ProbabilisticRupture>();
        try
        {
            switch (source)
            {
                case PointSource p:
                    PointRuptures.Append(list, sourceIndex, p.Location, p.Mfd.Rates(settings.WidthOfMfdBin),
                        PointRuptures.MergePlanes(p.NodalPlanes), PointRuptures.MergeDepths(p.HypoDepths), p.Msr, p.RuptureAspectRatio,
                        p.UpperSeismogenicDepth, p.LowerSeismogenicDepth, 1.0, settings.MinimumMagnitude);
                    break;
                case AreaSource a:
                {
                    var spacing = a.Discretization ?? settings.AreaSourceDiscretization
                        ?? throw new QuakeGridInputException(modelPath, $"areaSource id '{a.Id}'", "area_source_discretization",
                            "no discretisation: set area_source_discretization in the job or discretization on the areaGeometry");
                    var (lons, lats) = PolygonGrid.Discretize(a.Polygon, spacing);
                    if (lons.Length == 0)
                        throw new QuakeGridInputException(modelPath, $"areaSource id '{a.Id}'", "areaGeometry",
                            $"the polygon holds no point of a {spacing} km grid; use a finer area_source_discretization");
                    var bins = a.Mfd.Rates(settings.WidthOfMfdBin);
                    var planes = PointRuptures.MergePlanes(a.NodalPlanes);
                    var depths = PointRuptures.MergeDepths(a.HypoDepths);
                    var scale = 1.0 / lons.Length;
                    for (var i = 0; i < lons.Length; i++)
                        PointRuptures.Append(list, sourceIndex, new Geometry.GeoPoint(lons[i], lats[i]), bins, planes, depths, a.Msr,
                            a.RuptureAspectRatio, a.UpperSeismogenicDepth, a.LowerSeismogenicDepth, scale, settings.MinimumMagnitude);
                    break;
                }
                case SimpleFaultSource f:
                    FloatingFaultRuptures.Append(list, sourceIndex, f, settings);
                    break;
                default:
                    throw new QuakeGridInputException(modelPath, $"source id '{source.Id}'", null, $"unsupported source type {source.GetType().Name}");
            }
        }
        catch (ArgumentException e)
        {
            throw new QuakeGridInputException(modelPath, $"source id '{source.Id}'", null, $"cannot build ruptures: {e.Message}", e);
        }
        return list;
    }

    /// <summary>Ruptures of every source of the model, in source order.</summary>
    public static IReadOnlyList<ProbabilisticRupture> Generate(SourceModel model, RuptureSettings settings)
    {
        var all = new List<ProbabilisticRupture>();
        for (var i = 0; i < model.Sources.Count; i++) all.AddRange(Generate(model.Sources[i], i, settings, model.Path));
        return all;
    }
}
