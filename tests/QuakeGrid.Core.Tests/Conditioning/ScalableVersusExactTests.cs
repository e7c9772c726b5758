using QuakeGrid.Core.Correlation;
using System.Diagnostics;
using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Imts;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>Scalable (k nearest stations) conditioning against the exact dense mode on synthetic problems.</summary>
public sealed class ScalableVersusExactTests(ITestOutputHelper output)
{
    [Fact]
    public void FiveThousandTargetsOnTwoHundredStationsAgreeWithinIssueTolerance()
    {
        var (st, tg) = SyntheticScenario.Build(200, 5000, 7, Imt.Pga, new[] { Imt.Pga });
        var model = ConditioningModel.SingleKernel(new ExponentialCorrelation(10.0, DistanceMetric.Geodesic), ShakeMapVerificationCases.PeriodRatio, ShakeMapVerificationCases.PeriodRatio);
        var sw = Stopwatch.StartNew();
        var exact = ExactConditioner.Condition(st, tg, model);
        var tExact = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var fast = ScalableConditioner.Condition(st, tg, model, new ScalableConditioningOptions { NeighbourCount = 50 });
        var tFast = sw.Elapsed.TotalMilliseconds;
        var (dMean, dStd) = Compare(exact, fast);
        output.WriteLine($"k=50: max |d mean| = {dMean:E3} ln, max |d std|/std = {dStd:P4}; exact {tExact:F0} ms, scalable {tFast:F0} ms");
        Assert.True(dMean <= 0.01, $"mean differs by {dMean}");
        Assert.True(dStd <= 0.02, $"std differs by {dStd:P3}");

        // Without target cells (every target queries its own 50 nearest stations).
        var own = ScalableConditioner.Condition(st, tg, model, new ScalableConditioningOptions { NeighbourCount = 50, CellSizeKm = 0 });
        var (dMean0, dStd0) = Compare(exact, own);
        output.WriteLine($"k=50, no cells: max |d mean| = {dMean0:E3} ln, max |d std|/std = {dStd0:P4}");
        Assert.True(dMean0 <= 0.01 && dStd0 <= 0.02);
    }

    [Fact]
    public void MixedImtScalableAgreesWithExact()
    {
        var (st, tg) = SyntheticScenario.Build(150, 1500, 11, Imt.Sa(0.6), new[] { Imt.Sa(0.3), Imt.Sa(1.0) });
        var model = ConditioningModel.SingleKernel(new ExponentialCorrelation(10.0, DistanceMetric.Geodesic), ShakeMapVerificationCases.PeriodRatio, ShakeMapVerificationCases.PeriodRatio);
        var exact = ExactConditioner.Condition(st, tg, model);
        var fast = ScalableConditioner.Condition(st, tg, model, new ScalableConditioningOptions { NeighbourCount = 50 });
        var (dMean, dStd) = Compare(exact, fast);
        output.WriteLine($"mixed IMT k=50: max |d mean| = {dMean:E3}, max |d std|/std = {dStd:P4}");
        Assert.True(dMean <= 0.01 && dStd <= 0.02);
    }

    [Fact]
    public void WithAllStationsAsNeighboursScalableEqualsExact()
    {
        var (st, tg) = SyntheticScenario.Build(30, 300, 3, Imt.Pga, new[] { Imt.Pga });
        var model = ConditioningModel.SingleKernel(new ExponentialCorrelation(25.0, DistanceMetric.Geodesic), ShakeMapVerificationCases.PeriodRatio, ShakeMapVerificationCases.PeriodRatio);
        var exact = ExactConditioner.Condition(st, tg, model);
        var fast = ScalableConditioner.Condition(st, tg, model, new ScalableConditioningOptions { NeighbourCount = 30 });
        var (dMean, dStd) = Compare(exact, fast);
        Assert.True(dMean < 1e-10 && dStd < 1e-10, $"{dMean} {dStd}");
    }

    private static (double DMean, double DStdRel) Compare(ConditionedField a, ConditionedField b)
    {
        var dm = 0.0;
        var ds = 0.0;
        for (var j = 0; j < a.Count; j++)
        {
            dm = Math.Max(dm, Math.Abs(a.MeanLn[j] - b.MeanLn[j]));
            ds = Math.Max(ds, Math.Abs(a.StdLn[j] - b.StdLn[j]) / a.StdLn[j]);
        }
        return (dm, ds);
    }
}
