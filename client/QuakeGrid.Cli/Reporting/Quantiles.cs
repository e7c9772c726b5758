namespace QuakeGrid.Cli.Reporting;

/// <summary>Empirical quantiles by linear interpolation between order statistics (type 7, as numpy's default).</summary>
public static class Quantiles
{
    public static double Sorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) throw new ArgumentException("empty series");
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double Of(ReadOnlySpan<double> values, double q)
    {
        var copy = values.ToArray();
        Array.Sort(copy);
        return Sorted(copy, q);
    }
}
