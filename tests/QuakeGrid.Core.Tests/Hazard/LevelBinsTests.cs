using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// Histogram exceedance counting against the direct definition: the bin of ln y is the number of levels it exceeds,
/// and the exceedance count of level l is the number of draws above it — for logscale levels (lookup-table path),
/// uneven levels (binary-search path), values exactly at levels and at cell edges, and out-of-range values.
/// </summary>
public class LevelBinsTests
{
    private static int Direct(double[] lnl, double v) => lnl.Count(l => v > l);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bin_IsTheNumberOfLevelsExceeded(bool uneven)
    {
        var levels = uneven
            ? new[] { 0.001, 0.0010000001, 0.01, 0.5, 0.50001, 2.0 }
            : Enumerable.Range(0, 40).Select(i => Math.Exp(Math.Log(0.005) + (Math.Log(3.0) - Math.Log(0.005)) * i / 39)).ToArray();
        var lnl = levels.Select(v => Math.Log(v)).ToArray();
        var bins = new LevelBins(lnl);
        var g = new Xoshiro256StarStar(5);
        var values = new List<double> { double.NegativeInfinity, double.PositiveInfinity, -50, 50 };
        foreach (var l in lnl) values.AddRange([l, Math.BitDecrement(l), Math.BitIncrement(l)]);
        for (var i = 0; i < 200_000; i++) values.Add(-7 + 9 * g.NextDouble());
        foreach (var v in values) Assert.Equal(Direct(lnl, v), bins.Bin(v));

        var hist = new int[bins.Bins];
        foreach (var v in values) hist[bins.Bin(v)]++;
        var counts = new long[bins.Levels];
        bins.AddExceedanceCounts(hist, counts);
        for (var l = 0; l < lnl.Length; l++) Assert.Equal(values.LongCount(v => v > lnl[l]), counts[l]);
    }
}
