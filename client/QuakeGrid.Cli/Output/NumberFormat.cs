using System.Globalization;

namespace QuakeGrid.Cli.Output;

/// <summary>Numbers in output files: invariant culture, round-trip precision (parsing the text gives the same double).</summary>
public static class NumberFormat
{
    public static string RoundTrip(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
