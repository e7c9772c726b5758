using QuakeGrid.Core.Correlation;
using System.Globalization;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>
/// The ShakeMap 4.1 verification cases as encoded by OpenQuake (data/conditioning/shakemap_verification): zero-mean GMM
/// with tau 0.6 and phi 0.8, kernel exp(−0.1 h), cross-IMT correlation min(T)/max(T).
/// </summary>
internal static class ShakeMapVerificationCases
{
    public const double Tau = 0.6;
    public const double Phi = 0.8;
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "data", "conditioning", "shakemap_verification");

    public static double PeriodRatio(Imt a, Imt b)
    {
        if (a == b) return 1.0;
        var t1 = a.Period;
        var t2 = b.Period;
        return Math.Min(t1, t2) / Math.Max(t1, t2);
    }

    public static ConditioningModel Model() => ConditioningModel.SingleKernel(new ExponentialCorrelation(10.0, DistanceMetric.Geodesic), PeriodRatio, PeriodRatio);

    public static ConditioningStations Stations(string caseName)
    {
        var rows = File.ReadAllLines(Path.Combine(Dir, "stations.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[0] == caseName).ToList();
        if (rows.Count == 0) throw new ArgumentException($"no stations for {caseName}");
        var imts = rows.Select(f => Imt.Parse(f[4])).Distinct().ToList();
        var n = rows.Count;
        double P(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var lon = rows.Select(f => P(f[2])).ToArray();
        var lat = rows.Select(f => P(f[3])).ToArray();
        var obs = imts.Select(_ => Enumerable.Repeat(double.NaN, n).ToArray()).ToArray();
        var sig = imts.Select(_ => new double[n]).ToArray();
        for (var s = 0; s < n; s++)
        {
            var k = imts.IndexOf(Imt.Parse(rows[s][4]));
            obs[k][s] = P(rows[s][5]);
            sig[k][s] = P(rows[s][6]);
        }
        double[][] Fill(double v) => imts.Select(_ => Enumerable.Repeat(v, n).ToArray()).ToArray();
        return new ConditioningStations(TestSites.FromLonLat(lon, lat), imts, obs, sig, Fill(0.0), Fill(Tau), Fill(Phi),
            rows.Select(f => f[1]).ToList(), caseName);
    }

    /// <summary>Target longitudes: round(linspace(lo, hi, n), 5) at latitude 38.</summary>
    public static ConditioningTargets Targets(string caseName, Imt? imt = null)
    {
        var (lo, hi, n) = caseName == "case01" ? (-122.5, -121.5, 241) : (-123.0, -121.0, 481);
        var lon = new double[n];
        for (var i = 0; i < n; i++) lon[i] = Math.Round(lo + (hi - lo) * i / (n - 1), 5, MidpointRounding.ToEven);
        var lat = Enumerable.Repeat(38.0, n).ToArray();
        return new ConditioningTargets(TestSites.FromLonLat(lon, lat), imt ?? Imt.Pga, new double[n],
            Enumerable.Repeat(Tau, n).ToArray(), Enumerable.Repeat(Phi, n).ToArray());
    }

    public sealed record Assertion(string Case, string Quantity, string Expected, string Tolerance)
    {
        public override string ToString() => $"{Case} {Quantity}";
    }

    /// <summary>Rows of expected.csv that carry a numeric assertion.</summary>
    public static IReadOnlyList<Assertion> Assertions()
    {
        var list = new List<Assertion>();
        foreach (var line in File.ReadAllLines(Path.Combine(Dir, "expected.csv")).Skip(1))
        {
            var f = SplitCsv(line);
            if (f[2].Length == 0) continue; // plots only
            list.Add(new Assertion(f[0], f[1], f[2], f[3]));
        }
        return list;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(ch);
        }
        fields.Add(cur.ToString());
        return fields;
    }
}
