using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Conditioning;

/// <summary>
/// The joint site set of a conditional simulation: the targets (at the target IMT) followed by one copy of the stations
/// per conditioning IMT, with the within-event kernel of <see cref="ConditioningModel.WithinRho"/> between any two of
/// them (the same kernel as the kriging uses). For native data the stations appear once at the target IMT.
/// </summary>
internal sealed class MultiImtSites : ISpatialCorrelation
{
    private readonly ConditioningModel _model;
    private readonly Imt[] _imtOf;

    public MultiImtSites(ConditioningModel model, CorrelationSites targets, Imt targetImt, CorrelationSites stations, IReadOnlyList<Imt> stationImts)
    {
        _model = model;
        var parts = new List<CorrelationSites> { targets };
        var imts = new List<Imt>(Enumerable.Repeat(targetImt, targets.Count));
        foreach (var imt in stationImts)
        {
            parts.Add(stations);
            imts.AddRange(Enumerable.Repeat(imt, stations.Count));
        }
        Sites = Concat(parts);
        _imtOf = imts.ToArray();
        TargetCount = targets.Count;
        StationCount = stations.Count;
    }

    public CorrelationSites Sites { get; }
    public int TargetCount { get; }
    public int StationCount { get; }

    /// <summary>Index in <see cref="Sites"/> of station <paramref name="s"/> at conditioning IMT number <paramref name="m"/>.</summary>
    public int StationIndex(int m, int s) => TargetCount + m * StationCount + s;

    public string Name => "conditioning-joint";

    public double Rho(CorrelationSites a, int i, CorrelationSites b, int j)
    {
        Check(a, b);
        return i == j ? 1.0 : _model.WithinRho(_imtOf[i], a, i, _imtOf[j], b, j);
    }

    public void Row(CorrelationSites a, int i, CorrelationSites b, ReadOnlySpan<int> js, Span<double> into)
    {
        Check(a, b);
        for (var k = 0; k < js.Length; k++) into[k] = js[k] == i ? 1.0 : _model.WithinRho(_imtOf[i], a, i, _imtOf[js[k]], b, js[k]);
    }

    public double RangeForCorrelation(double rho) => _imtOf.Distinct().Max(m => _model.Spatial(m).RangeForCorrelation(rho));

    private void Check(CorrelationSites a, CorrelationSites b)
    {
        if (!ReferenceEquals(a, Sites) || !ReferenceEquals(b, Sites))
            throw new InvalidOperationException("the joint conditioning kernel only applies to its own site set");
    }

    private static CorrelationSites Concat(IReadOnlyList<CorrelationSites> parts)
    {
        double[] Cat(Func<CorrelationSites, double[]> f)
        {
            if (parts.Any(p => f(p).Length != p.Count)) return Array.Empty<double>();
            return parts.SelectMany(f).ToArray();
        }
        return new CorrelationSites(Cat(p => p.Lon), Cat(p => p.Lat), Cat(p => p.X), Cat(p => p.Y), Cat(p => p.Vs30),
            Cat(p => p.EpiDistance), Cat(p => p.EpiAzimuth));
    }
}
