using CsvHelper;
using QuakeGrid.Core.Gmm;

namespace QuakeGrid.Cli.Output;

/// <summary>The four per-IMT result columns shared by the <c>gmm</c> and <c>scenario</c> outputs.</summary>
public static class ResultColumns
{
    /// <summary>Column suffixes, in order: median (linear units), tau, phi, sigma (ln units).</summary>
    public static readonly string[] Suffixes = ["median", "tau", "phi", "sigma"];

    /// <summary>Writes exp(ln median), tau, phi and sigma of IMT <paramref name="k"/> at record <paramref name="i"/>.</summary>
    public static void WriteValues(CsvWriter csv, GmmResult result, int k, int i)
    {
        csv.WriteField(NumberFormat.RoundTrip(Math.Exp(result.LnMedian[k][i])));
        csv.WriteField(NumberFormat.RoundTrip(result.Tau[k][i]));
        csv.WriteField(NumberFormat.RoundTrip(result.Phi[k][i]));
        csv.WriteField(NumberFormat.RoundTrip(result.Sigma[k][i]));
    }
}
