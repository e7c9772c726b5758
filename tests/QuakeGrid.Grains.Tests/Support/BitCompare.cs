using QuakeGrid.Core.Gmm;

namespace QuakeGrid.Grains.Tests.Support;

/// <summary>Bit-for-bit comparison of two GMM results (every double's 64-bit pattern, NaN included).</summary>
public static class BitCompare
{
    /// <summary>Number of values whose bits differ, over LnMedian, Tau, Phi and Sigma.</summary>
    public static int CountDifferences(GmmResult expected, GmmResult actual)
    {
        Assert.Equal(expected.Imts, actual.Imts);
        var diffs = 0;
        for (var k = 0; k < expected.Imts.Count; k++)
        {
            diffs += Count(expected.LnMedian[k], actual.LnMedian[k]);
            diffs += Count(expected.Tau[k], actual.Tau[k]);
            diffs += Count(expected.Phi[k], actual.Phi[k]);
            diffs += Count(expected.Sigma[k], actual.Sigma[k]);
        }
        return diffs;
    }

    private static int Count(double[] a, double[] b)
    {
        Assert.Equal(a.Length, b.Length);
        var d = 0;
        for (var i = 0; i < a.Length; i++)
            if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(b[i])) d++;
        return d;
    }
}
