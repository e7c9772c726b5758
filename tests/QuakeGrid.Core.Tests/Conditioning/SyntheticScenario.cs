using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>A reproducible synthetic conditioning problem: random stations and targets in a ~110 km square.</summary>
internal static class SyntheticScenario
{
    public static (ConditioningStations Stations, ConditioningTargets Targets) Build(int stations, int targets, int seed,
        Imt targetImt, Imt[] observed)
    {
        var rng = new System.Random(seed);
        double U(double a, double b) => a + (b - a) * rng.NextDouble();
        var lon = Enumerable.Range(0, stations).Select(_ => U(-122.6, -121.4)).ToArray();
        var lat = Enumerable.Range(0, stations).Select(_ => U(37.5, 38.5)).ToArray();
        var m = observed.Length;
        double[][] Arr(Func<int, int, double> f) => Enumerable.Range(0, m).Select(k => Enumerable.Range(0, stations).Select(i => f(k, i)).ToArray()).ToArray();
        var mu = Arr((_, i) => -2.0 - 0.5 * Math.Sqrt((lon[i] + 122) * (lon[i] + 122) + (lat[i] - 38) * (lat[i] - 38)));
        var obs = Arr((k, i) => mu[k][i] + 0.3 + 0.7 * Normal(rng));
        var sig = Arr((_, i) => i % 5 == 0 ? 0.4 : 0.0);
        var tau = Arr((_, _) => U(0.35, 0.45));
        var phi = Arr((_, _) => U(0.55, 0.65));
        var st = new ConditioningStations(TestSites.FromLonLat(lon, lat), observed, obs, sig, mu, tau, phi);
        var tlon = Enumerable.Range(0, targets).Select(_ => U(-122.65, -121.35)).ToArray();
        var tlat = Enumerable.Range(0, targets).Select(_ => U(37.45, 38.55)).ToArray();
        var tmu = tlon.Select((x, j) => -2.0 - 0.5 * Math.Sqrt((x + 122) * (x + 122) + (tlat[j] - 38) * (tlat[j] - 38))).ToArray();
        var tg = new ConditioningTargets(TestSites.FromLonLat(tlon, tlat), targetImt, tmu,
            tlon.Select(_ => U(0.35, 0.45)).ToArray(), tlon.Select(_ => U(0.55, 0.65)).ToArray());
        return (st, tg);
    }

    private static double Normal(System.Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
