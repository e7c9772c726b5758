using QuakeGrid.Core.Conditioning;

namespace QuakeGrid.Core.Tests.Conditioning;

/// <summary>The benchmark entry point runs end to end at a small size (the timing itself is not a test).</summary>
public sealed class ConditioningBenchmarkTests
{
    [Fact]
    public void SmallBenchmarkRunsAndReportsEveryStage()
    {
        var r = ConditioningBenchmark.Run(targets: 1500, stations: 40, samples: 4, neighbours: 20, seed: 3, maxParallelism: 2);
        Assert.Equal(1500, r.Targets);
        Assert.True(r.TotalSeconds > 0 && r.KrigingSeconds > 0 && r.FieldSampleSeconds > 0);
        Assert.InRange(r.MeanOfStd, 0.05, Math.Sqrt(0.4 * 0.4 + 0.6 * 0.6));
        Assert.Contains("Matheron update", r.ToString());
        var (st, tg) = ConditioningBenchmark.BuildScenario(1500, 40, 3);
        var (st2, _) = ConditioningBenchmark.BuildScenario(1500, 40, 3);
        Assert.Equal(st.LnObserved[0], st2.LnObserved[0]); // deterministic in the seed
        Assert.Equal(1500, tg.Count);
    }
}
