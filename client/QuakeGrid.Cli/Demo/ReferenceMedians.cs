using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Demo;

/// <summary>Reads the <c>medianim</c> column (g) of a Hayward case-study file, one value per site in file order.</summary>
public static class ReferenceMedians
{
    public static double[] Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!csv.Read()) throw new QuakeGridInputException(path, null, null, "the file is empty");
        var col = Array.FindIndex(csv.Record!, h => h.Trim().Equals("medianim", StringComparison.OrdinalIgnoreCase));
        if (col < 0) throw new QuakeGridInputException(path, "row 0 (header)", "medianim", "missing column 'medianim'");
        var values = new List<double>();
        while (csv.Read())
        {
            var text = csv.Record![col];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v > 0))
                throw new QuakeGridInputException(path, $"row {values.Count + 1}", "medianim", $"'{text}' is not a positive number");
            values.Add(v);
        }
        return values.ToArray();
    }
}
