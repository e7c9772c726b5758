namespace QuakeGrid.Cli.Reporting;

/// <summary>
/// Statistics of the ratios a[i]/b[i] of two positive series: geometric mean, median, 5th and 95th percentiles and the
/// standard deviation of ln(a/b).
/// </summary>
public readonly record struct RatioStatistics(int Count, double GeometricMean, double Median, double P05, double P95, double StdLn)
{
    public static RatioStatistics Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length || a.Length == 0) throw new ArgumentException("series must be non-empty and of equal length");
        var ln = new double[a.Length];
        for (var i = 0; i < a.Length; i++) ln[i] = Math.Log(a[i] / b[i]);
        var mean = ln.Average();
        var var = 0.0;
        foreach (var x in ln) var += (x - mean) * (x - mean);
        var std = ln.Length > 1 ? Math.Sqrt(var / (ln.Length - 1)) : 0.0;
        Array.Sort(ln);
        return new RatioStatistics(a.Length, Math.Exp(mean), Math.Exp(Quantiles.Sorted(ln, 0.5)),
            Math.Exp(Quantiles.Sorted(ln, 0.05)), Math.Exp(Quantiles.Sorted(ln, 0.95)), std);
    }
}
