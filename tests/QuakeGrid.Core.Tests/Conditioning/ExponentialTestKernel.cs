using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>
/// Test double: the "dummy" spatial correlation of the ShakeMap/OpenQuake verification cases,
/// rho = exp(−h / range) with h the geodetic (haversine) distance in km (range 10 km there).
/// Test-only; the production kernels live in QuakeGrid.Core.Correlation.
/// </summary>
internal sealed class ExponentialTestKernel(double rangeKm = 10.0) : ISpatialCorrelation
{
    public string Name => "exp-test";

    public double Rho(CorrelationSites a, int i, CorrelationSites b, int j)
        => Math.Exp(-Geodesy.DistanceKm(a.Lon[i], a.Lat[i], b.Lon[j], b.Lat[j]) / rangeKm);

    public void Row(CorrelationSites a, int i, CorrelationSites b, ReadOnlySpan<int> js, Span<double> into)
    {
        for (var k = 0; k < js.Length; k++) into[k] = Rho(a, i, b, js[k]);
    }

    public double RangeForCorrelation(double rho) => -rangeKm * Math.Log(rho);
}
