using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// PEER 2018 Set 2 cases 2b and 3b (BSSA14 inside a full PSHA). There are no external expected values here, so each
/// test checks properties known independently of the code (total rate at the lowest level, the symmetry of sites 1 and 3
/// about a vertical fault, the hanging-wall side being more hazardous for the dipping fault) and compares with the
/// curves QuakeGrid produced when the case was added (<c>data/hazard/regression</c>, relative tolerance 1e-6), so
/// that any change of results is noticed.
/// </summary>
public class PeerSet2RegressionTests(ITestOutputHelper output)
{
    private static void CompareWithRegression(Core.Hazard.HazardCurveSet curves, string file)
    {
        var (levels, stored) = HazardTestData.OqCurves(HazardTestData.Data("regression", file));
        Assert.Equal(levels, curves.Imtls[0].Levels);
        for (var s = 0; s < stored.Length; s++)
        {
            var actual = curves.Curve(0, s);
            for (var l = 0; l < levels.Length; l++)
                Assert.True(Math.Abs(actual[l] - stored[s][l]) <= 1e-6 * stored[s][l] + 1e-15,
                    $"site {s + 1} level {levels[l]}: {actual[l]:E9} vs stored {stored[s][l]:E9}");
        }
    }

    [Fact]
    public void Set2Case2b_Bssa14_TruncatedExponentialFault()
    {
        var curves = HazardTestData.RunJob("peer", "set2_case2b", "job.ini");
        // Total rate of the nshmp-haz incremental MFD, M 5.005-6.995: 0.071407695 /yr; every rupture within 10 km exceeds 0.001 g.
        var total = 1 - Math.Exp(-0.071407695213);
        Assert.Equal(total, curves.Curve(0, 1)[0], 5);
        // Sites 1 and 3 lie 10 km east and west of the vertical fault, at its mid-length: same hazard.
        for (var l = 0; l < curves.Imtls[0].Levels.Length; l++)
            Assert.Equal(curves.Curve(0, 0)[l], curves.Curve(0, 2)[l], 9);
        CompareWithRegression(curves, "set2_case2b.csv");
        output.WriteLine($"Set 2 Case 2b: PoE at 0.001 g (site 2) = {curves.Curve(0, 1)[0]:E6}, expected {total:E6}");
    }

    [Fact]
    public void Set2Case3b_Bssa14_HangingWall()
    {
        var curves = HazardTestData.RunJob("peer", "set2_case3b", "job.ini");
        // Sigma 0, M 7.0 at 0.0022360312 /yr: every site exceeds 0.001 g with the full rate.
        var total = 1 - Math.Exp(-0.0022360312);
        for (var s = 0; s < curves.Sites.Count; s++) Assert.Equal(total, curves.Curve(0, s)[0], 12);
        // The fault dips west (to the right of its north-to-south trace): site 3 (10 km west, hanging wall) has higher hazard
        // than site 1 (10 km east, footwall).
        var west = curves.Curve(0, 2).ToArray();
        var east = curves.Curve(0, 0).ToArray();
        Assert.True(west.Sum() > east.Sum());
        Assert.All(west.Zip(east), p => Assert.True(p.First >= p.Second));
        CompareWithRegression(curves, "set2_case3b.csv");
    }
}
