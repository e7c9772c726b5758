using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>
/// Checks the two-stage Engler et al. (2022) formulas against brute-force Gaussian conditioning written independently
/// here: the joint covariance of (ln Y at targets, station residuals) under ln Y = mu + tau·H + W (+ e at stations) is
/// built in full and conditioned with one dense solve. Mixed IMTs, heteroscedastic tau/phi and observation errors.
/// </summary>
public sealed class JointGaussianOracleTests
{
    private const double RangeKm = 10.0;

    [Theory]
    [InlineData(0.5)]  // bracketed by SA(0.3) and SA(1.0)
    [InlineData(1.0)]  // native: only the SA(1.0) rows condition it
    [InlineData(0.1)]  // below the observed range: conditioned on SA(0.3)
    [InlineData(3.0)]  // above the observed range: conditioned on SA(1.0)
    public void TwoStageFormulasEqualJointGaussianConditioning(double targetPeriod)
    {
        var rng = new System.Random(20221);
        const int s = 14;
        var lon = Enumerable.Range(0, s).Select(_ => -122.3 + 0.6 * rng.NextDouble()).ToArray();
        var lat = Enumerable.Range(0, s).Select(_ => 37.8 + 0.4 * rng.NextDouble()).ToArray();
        var imts = new[] { Imt.Sa(0.3), Imt.Sa(1.0) };
        var obs = new double[2][]; var sig = new double[2][]; var mu = new double[2][]; var tau = new double[2][]; var phi = new double[2][];
        for (var k = 0; k < 2; k++)
        {
            obs[k] = new double[s]; sig[k] = new double[s]; mu[k] = new double[s]; tau[k] = new double[s]; phi[k] = new double[s];
            for (var i = 0; i < s; i++)
            {
                obs[k][i] = (k == 1 && i % 4 == 0) ? double.NaN : -2.0 + rng.NextDouble();
                sig[k][i] = i % 3 == 0 ? 0.3 : 0.0;
                mu[k][i] = -2.5 + 0.5 * rng.NextDouble();
                tau[k][i] = 0.35 + 0.1 * rng.NextDouble();
                phi[k][i] = 0.55 + 0.1 * rng.NextDouble();
            }
        }
        var stations = new ConditioningStations(TestSites.FromLonLat(lon, lat), imts, obs, sig, mu, tau, phi);
        const int n = 25;
        var tlon = Enumerable.Range(0, n).Select(_ => -122.4 + 0.8 * rng.NextDouble()).ToArray();
        var tlat = Enumerable.Range(0, n).Select(_ => 37.7 + 0.6 * rng.NextDouble()).ToArray();
        tlon[0] = lon[3]; tlat[0] = lat[3]; // one target on a station
        var tImt = Imt.Sa(targetPeriod);
        var tmu = Enumerable.Range(0, n).Select(_ => -2.0 - rng.NextDouble()).ToArray();
        var ttau = Enumerable.Range(0, n).Select(_ => 0.4 + 0.1 * rng.NextDouble()).ToArray();
        var tphi = Enumerable.Range(0, n).Select(_ => 0.6 + 0.1 * rng.NextDouble()).ToArray();
        var targets = new ConditioningTargets(TestSites.FromLonLat(tlon, tlat), tImt, tmu, ttau, tphi);

        var model = ConditioningModel.SingleKernel(new ExponentialCorrelation(RangeKm, DistanceMetric.Geodesic), ShakeMapVerificationCases.PeriodRatio, ShakeMapVerificationCases.PeriodRatio);
        var field = ExactConditioner.Condition(stations, targets, model);

        // Oracle: which IMTs condition the target (as ShakeMap: native, else bracketing periods).
        var cond = targetPeriod switch { 1.0 => new[] { 1 }, 0.5 => new[] { 0, 1 }, 0.1 => new[] { 0 }, _ => new[] { 1 } };
        var (mean, cov) = JointGaussianOracle.Condition(stations, targets, RangeKm, cond);
        for (var a = 0; a < n; a++)
        {
            Assert.Equal(mean[a], field.MeanLn[a], 9);
            Assert.Equal(Math.Sqrt(Math.Max(0, cov[a, a])), field.StdLn[a], 7);
        }
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(10.0)]
    public void Case07MixedImtAtTheStationHasClosedForm(double period)
    {
        // ShakeMap verification case 07: one SA(1.0) observation ln y = 1 at (-122, 38); target SA(T) at the same point.
        // With tau² + phi² = 1 and cross-IMT correlation c = min(T,1)/max(T,1) for both parts:
        // E[ln Y | y] = c·1, Var = 1 − c².
        var st = ShakeMapVerificationCases.Stations("case07");
        var lonT = new[] { -122.0 }; var latT = new[] { 38.0 };
        var tg = new ConditioningTargets(TestSites.FromLonLat(lonT, latT), Imt.Sa(period), new[] { 0.0 }, new[] { 0.6 }, new[] { 0.8 });
        var f = ExactConditioner.Condition(st, tg, ShakeMapVerificationCases.Model());
        var c = Math.Min(period, 1.0) / Math.Max(period, 1.0);
        Assert.Equal(c, f.MeanLn[0], 12);
        Assert.Equal(Math.Sqrt(1 - c * c), f.StdLn[0], 9);
    }
}
