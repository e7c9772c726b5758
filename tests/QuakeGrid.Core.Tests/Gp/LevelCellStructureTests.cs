using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Gp.Benchmarks;
using QuakeGrid.Core.Gp.Vecchia;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Sites;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Gp;

/// <summary>
/// The level-cell Vecchia ordering (<see cref="LevelCellStructure"/>): accuracy against the dense oracle (KL divergence
/// and worst implied-correlation error, next to max-min at the same m = 30), and locality of dependency closures (a
/// disk's closure stays near the disk, where max-min's spreads over most of the grid).
/// </summary>
public class LevelCellStructureTests(ITestOutputHelper output)
{
    /// <summary>A side × side grid of <paramref name="spacingDeg"/> degrees near 28°N (the Nepal benchmark's grid is 0.05°).</summary>
    private static CorrelationSites Grid(int side, double spacingDeg)
    {
        var lon = new double[side * side];
        var lat = new double[side * side];
        for (var j = 0; j < side; j++)
            for (var i = 0; i < side; i++) { lon[j * side + i] = 84 + i * spacingDeg; lat[j * side + i] = 28 + j * spacingDeg; }
        return CorrelationSiteBuilder.FromSites(new SiteCollection(lon, lat, Enumerable.Repeat(760.0, side * side).ToArray()));
    }

    [Theory]
    [InlineData("PGA")]
    [InlineData("SA(0.3)")]
    [InlineData("SA(1.0)")]
    public void Accuracy_IsCloseToMaxMin(string imt)
    {
        var sites = Grid(40, 0.05);
        var kernel = new JayaramBaker2009Correlation(Imt.Parse(imt), false);
        var maxMin = VecchiaAccuracyStudy.Run(sites, kernel, [30])[0].Report;
        var st = VecchiaStructure.Build([sites.X, sites.Y], new VecchiaOptions(30, VecchiaOrdering.LevelCell));
        var exact = VecchiaAccuracy.ExactInSweepOrder(st, sites, kernel);
        var dExact = VecchiaAccuracy.ExactConditionalVariances(exact, sites.Count);
        var cell = VecchiaAccuracy.Evaluate(VecchiaFactor.Compute(st, sites, kernel), exact, dExact);
        output.WriteLine($"{imt}: max-min KL {maxMin.KlDivergence:G3}, worst corr error {maxMin.WorstCorrelationError:F4}; " +
                         $"level-cell KL {cell.KlDivergence:G3}, worst corr error {cell.WorstCorrelationError:F4}");
        Assert.True(cell.WorstCorrelationError < 0.02, $"worst correlation error {cell.WorstCorrelationError}");
        Assert.True(cell.KlDivergence < 2.5 * maxMin.KlDivergence + 1e-4, $"KL {cell.KlDivergence} vs max-min {maxMin.KlDivergence}");
    }

    private static int Closure(VecchiaStructure st, IEnumerable<int> sites)
    {
        var marks = new bool[st.Count];
        var max = 0;
        foreach (var s in sites) { marks[st.Rank[s]] = true; max = Math.Max(max, st.Rank[s]); }
        var c = 0;
        for (var p = max; p >= 0; p--)
        {
            if (!marks[p]) continue;
            c++;
            for (var t = 0; t < st.NeighbourCount(p); t++) marks[st.Neighbours[p * st.Stride + t]] = true;
        }
        return c;
    }

    [Fact]
    public void Closure_OfADisk_StaysLocal()
    {
        const int side = 100;
        var sites = Grid(side, 0.05);
        var disk = Enumerable.Range(0, side * side)
            .Where(s => (s % side - 50) * (s % side - 50) + (s / side - 50) * (s / side - 50) < 25 * 25).ToArray();
        var maxMin = Closure(VecchiaStructure.Build([sites.X, sites.Y], new VecchiaOptions(30)), disk);
        var levelCell = Closure(VecchiaStructure.Build([sites.X, sites.Y], new VecchiaOptions(30, VecchiaOrdering.LevelCell)), disk);
        output.WriteLine($"disk of {disk.Length} sites in {side * side}: closure max-min {maxMin}, level-cell {levelCell}");
        Assert.True(levelCell < 2.5 * disk.Length);
        Assert.True(maxMin > 3 * disk.Length); // the chains of max-min order reach across the grid
    }
}
