using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Gmm;

/// <summary>Per-IMT, per-site ln median (ln g; ln cm/s for PGV), Tau, Phi and Sigma (ln units).</summary>
public sealed class GmmResult
{
    public GmmResult(IReadOnlyList<Imt> imts, int siteCount)
    {
        Imts = imts;
        LnMedian = new double[imts.Count][];
        Tau = new double[imts.Count][];
        Phi = new double[imts.Count][];
        Sigma = new double[imts.Count][];
        for (var k = 0; k < imts.Count; k++)
        {
            LnMedian[k] = new double[siteCount];
            Tau[k] = new double[siteCount];
            Phi[k] = new double[siteCount];
            Sigma[k] = new double[siteCount];
        }
    }

    public IReadOnlyList<Imt> Imts { get; }
    /// <summary>[imt][site] ln median.</summary>
    public double[][] LnMedian { get; }
    public double[][] Tau { get; }
    public double[][] Phi { get; }
    public double[][] Sigma { get; }

    public GmmOutput Output(int imtIndex) => new(LnMedian[imtIndex], Tau[imtIndex], Phi[imtIndex], Sigma[imtIndex]);
}
