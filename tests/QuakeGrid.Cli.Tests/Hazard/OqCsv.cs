using System.Globalization;

namespace QuakeGrid.Cli.Tests.Hazard;

/// <summary>An OpenQuake hazard CSV as the tests read it: the <c>#</c> metadata row, the header and numeric rows.</summary>
public sealed record OqCsv(string Metadata, string[] Header, double[][] Rows)
{
    public static OqCsv Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        Assert.True(lines.Length >= 2, $"{path}: expected a metadata row and a header");
        Assert.StartsWith("#,", lines[0]);
        var header = lines[1].Split(',');
        var rows = lines.Skip(2).Select(l => l.Split(',').Select(t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        foreach (var r in rows) Assert.Equal(header.Length, r.Length);
        return new OqCsv(lines[0], header, rows);
    }
}
