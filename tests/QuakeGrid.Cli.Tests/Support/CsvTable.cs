using System.Globalization;

namespace QuakeGrid.Cli.Tests.Support;

/// <summary>A minimal reader for the plain (unquoted) CSV files used by the tests: header plus rows of text.</summary>
public sealed class CsvTable
{
    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }
    public List<string[]> Rows { get; }

    public static CsvTable Read(string path)
    {
        var lines = System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return new CsvTable(header, lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public int Column(string name)
    {
        var i = Array.IndexOf(Header, name);
        if (i < 0) throw new KeyNotFoundException($"column '{name}' not in [{string.Join(",", Header)}]");
        return i;
    }

    public string Text(int row, string column) => Rows[row][Column(column)];

    public double Value(int row, string column) => double.Parse(Text(row, column), NumberStyles.Float, CultureInfo.InvariantCulture);
}
