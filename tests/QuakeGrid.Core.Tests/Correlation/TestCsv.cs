using System.Globalization;

namespace QuakeGrid.Core.Tests.Correlation;

/// <summary>Minimal CSV reader for the test tables (no quoted commas in them).</summary>
internal static class TestCsv
{
    public static List<Dictionary<string, string>> Read(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var d = new Dictionary<string, string>();
            for (var k = 0; k < header.Length; k++) d[header[k]] = k < cells.Length ? cells[k] : "";
            rows.Add(d);
        }
        return rows;
    }

    public static double D(this Dictionary<string, string> row, string key) => double.Parse(row[key], CultureInfo.InvariantCulture);
}
