using System.Globalization;
using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>Reads the external expected hazard curves and runs the test jobs.</summary>
internal static class HazardTestData
{
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", "hazard", .. parts]);

    public static HazardCurveSet RunJob(params string[] jobPath)
    {
        var job = JobIniReader.Read(Data(jobPath));
        return ClassicalCalculator.Run(job);
    }

    private static double D(string s) => double.Parse(s.Trim(), CultureInfo.InvariantCulture);

    /// <summary>nshmp-haz result table: one row per site (name, lon, lat, PoE per level); returns levels and [site][level].</summary>
    public static (double[] Levels, double[][] Poes) Nshmp(string file)
    {
        var lines = File.ReadAllLines(Data("expected", file)).Where(l => l.Trim().Length > 0).ToArray();
        var levels = lines[0].Split(',').Skip(3).Select(D).ToArray();
        var poes = lines.Skip(1).Select(l => l.Split(',').Skip(3).Select(D).ToArray()).ToArray();
        return (levels, poes);
    }

    /// <summary>OQ PEER 2010 expected table for one case: site id → (levels, PoEs).</summary>
    public static Dictionary<int, (double[] Levels, double[] Poes)> Peer2010(string caseName)
    {
        var rows = File.ReadAllLines(Data("expected", "peer2010_set1_expected_hazard_curves.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c[0] == caseName).ToList();
        return rows.GroupBy(c => int.Parse(c[1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (g.Select(c => D(c[3])).ToArray(), g.Select(c => D(c[4])).ToArray()));
    }

    /// <summary>OQ PEER 2010 tolerances for a case: site id → (atol, rtol).</summary>
    public static Dictionary<int, (double Atol, double Rtol)> Peer2010Tolerances(string caseName)
    {
        var result = new Dictionary<int, (double, double)>();
        foreach (var c in File.ReadAllLines(Data("expected", "peer2010_tolerances.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[0] == caseName))
        {
            var sites = c[1].Split('-').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            for (var s = sites[0]; s <= sites[^1]; s++) result[s] = (D(c[2]), D(c[3]));
        }
        return result;
    }

    /// <summary>OQ exported hazard curve CSV (comment line, header lon,lat,depth,poe-...): levels and [site][level].</summary>
    public static (double[] Levels, double[][] Poes) OqCurves(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToArray();
        var levels = lines[0].Split(',').Skip(3).Select(h => D(h["poe-".Length..])).ToArray();
        var poes = lines.Skip(1).Select(l => l.Split(',').Skip(3).Select(D).ToArray()).ToArray();
        return (levels, poes);
    }
}
