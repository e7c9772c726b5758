using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;

namespace QuakeGrid.Core.Tests.Gmm;

/// <summary>Batch evaluation gives the same numbers as one record at a time, across chunks and threads.</summary>
public sealed class Bssa14BatchTests
{
    private static (double[] Mag, double[] Rake, double[] Rjb, double[] Vs30, double[] Z1) Records(int n)
    {
        var rng = new Random(20140601);
        double[] mag = new double[n], rake = new double[n], rjb = new double[n], vs30 = new double[n], z1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            mag[i] = 3 + 5.5 * rng.NextDouble();
            rake[i] = -180 + 360 * rng.NextDouble();
            rjb[i] = 300 * rng.NextDouble();
            vs30[i] = 150 + 1400 * rng.NextDouble();
            z1[i] = 1500 * rng.NextDouble();
        }
        return (mag, rake, rjb, vs30, z1);
    }

    [Theory]
    [InlineData("SA(0.23)")]  // interpolated between tabulated periods: chunked scratch path
    [InlineData("SA(0.63)")]  // interpolated across the basin threshold (0.6 s without, 0.65 s with the basin term)
    [InlineData("SA(1.0)")]
    [InlineData("PGV")]
    public void BatchEqualsRecordByRecord(string imtText)
    {
        var imt = Imt.Parse(imtText);
        const int n = 1000; // spans several 256-record chunks
        var (mag, rake, rjb, vs30, z1) = Records(n);
        var model = new BooreEtAl2014(new GmmOptions(BasinRegion.California));
        double[] ln = new double[n], tau = new double[n], phi = new double[n], sigma = new double[n];
        model.Compute(new GmmContext(mag, rake, rjb, rjb, vs30, z1), imt, new GmmOutput(ln, tau, phi, sigma));
        double[] one = new double[1], t1 = new double[1], p1 = new double[1], s1 = new double[1];
        for (var i = 0; i < n; i++)
        {
            model.Compute(new GmmContext(mag.AsSpan(i, 1), rake.AsSpan(i, 1), rjb.AsSpan(i, 1), rjb.AsSpan(i, 1), vs30.AsSpan(i, 1), z1.AsSpan(i, 1)),
                imt, new GmmOutput(one, t1, p1, s1));
            Assert.Equal(one[0], ln[i]);
            Assert.Equal(s1[0], sigma[i]);
            Assert.True(double.IsFinite(ln[i]) && sigma[i] > 0);
        }
    }

    [Fact]
    public void ConcurrentCallsOnOneInstanceAgree()
    {
        const int n = 2000;
        var (mag, rake, rjb, vs30, z1) = Records(n);
        var model = new BooreEtAl2014(new GmmOptions(BasinRegion.Japan, AttenuationRegion.ItalyJapan));
        var imts = new[] { Imt.Pga, Imt.Sa(0.21), Imt.Sa(1.0), Imt.Sa(3.3) };
        double[] Eval(Imt imt)
        {
            var ln = new double[n];
            model.Compute(new GmmContext(mag, rake, rjb, rjb, vs30, z1), imt, new GmmOutput(ln, new double[n], new double[n], new double[n]));
            return ln;
        }
        var serial = imts.Select(Eval).ToArray();
        var parallel = new double[16][];
        Parallel.For(0, 16, k => parallel[k] = Eval(imts[k % imts.Length]));
        for (var k = 0; k < 16; k++) Assert.Equal(serial[k % imts.Length], parallel[k]);
    }
}
