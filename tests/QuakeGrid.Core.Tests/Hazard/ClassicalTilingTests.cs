using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.IO.Job;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// <see cref="ClassicalTile"/> over any partition of the sites into tiles, adding the plan's ruptures in batches in order,
/// gives rates — and so curves and maps — bit-identical to <see cref="ClassicalCalculator.Run"/> (which is one tile of
/// every site, source after source). The cases are PEER jobs whose curves other tests check against external references:
/// an area source with 4 sites (set 1 case 10) and a truncated-exponential fault with 6 sites (set 2 case 2b).
/// </summary>
public sealed class ClassicalTilingTests
{
    [Theory]
    [InlineData("set1_case10", 1, 1)]
    [InlineData("set1_case10", 3, 7)]
    [InlineData("set2_case2b", 2, 0)]   // 0: the whole rupture list in one call
    [InlineData("set2_case2b", 4, 13)]
    public void TilesAndBatchesInOrderEqualTheCalculatorBitForBit(string peerCase, int tileSize, int batch)
    {
        var job = JobIniReader.Read(HazardTestData.Data("peer", peerCase, "job.ini"));
        var reference = ClassicalCalculator.Run(job);
        var plan = ClassicalPlan.Prepare(job);
        Assert.True(plan.RuptureCount > 20, $"{plan.RuptureCount} ruptures");

        var rates = new double[plan.BranchCount][][];
        for (var b = 0; b < rates.Length; b++)
            rates[b] = plan.Imtls.Select(l => new double[plan.SiteCount * l.Levels.Length]).ToArray();
        long siteRuptures = 0;
        for (var first = 0; first < plan.SiteCount; first += tileSize)
        {
            var sites = Enumerable.Range(first, Math.Min(tileSize, plan.SiteCount - first)).ToArray();
            var tile = ClassicalTile.Create(plan, sites);
            var local = tile.NewRates();
            var step = batch > 0 ? batch : plan.RuptureCount;
            for (var r = 0; r < plan.RuptureCount; r += step)
                siteRuptures += tile.Add(r, Math.Min(step, plan.RuptureCount - r), local, maxDegreeOfParallelism: 1);
            for (var b = 0; b < rates.Length; b++)
            for (var k = 0; k < plan.Imtls.Count; k++)
            {
                var nl = plan.Imtls[k].Levels.Length;
                for (var i = 0; i < sites.Length; i++) local[b][k].AsSpan(i * nl, nl).CopyTo(rates[b][k].AsSpan(sites[i] * nl, nl));
            }
        }
        Assert.True(siteRuptures > 0);
        var curves = ClassicalCurves.FromRates(plan, rates);

        for (var k = 0; k < plan.Imtls.Count; k++)
        {
            Assert.Contains(reference.Poes[k], p => p > 1e-3); // a real comparison
            Assert.Equal(reference.Poes[k].Select(BitConverter.DoubleToInt64Bits), curves.Poes[k].Select(BitConverter.DoubleToInt64Bits));
            for (var p = 0; p < reference.MapPoes.Count; p++)
                Assert.Equal(reference.Maps[k][p].Select(BitConverter.DoubleToInt64Bits), curves.Maps[k][p].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void BadRangesAndShapesAreRefused()
    {
        var plan = ClassicalPlan.Prepare(JobIniReader.Read(HazardTestData.Data("peer", "set1_case10", "job.ini")));
        var tile = ClassicalTile.Create(plan, [0, 2]);
        var rates = tile.NewRates();
        Assert.Throws<ArgumentOutOfRangeException>(() => tile.Add(plan.RuptureCount - 1, 2, rates));
        Assert.Throws<ArgumentOutOfRangeException>(() => tile.Add(-1, 1, rates));
        Assert.Throws<ArgumentException>(() => tile.Add(0, 1, ClassicalTile.Create(plan, [1]).NewRates()));
        Assert.Throws<ArgumentException>(() => ClassicalTile.Create(plan, [2, 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassicalTile.Create(plan, [plan.SiteCount]));
    }
}
