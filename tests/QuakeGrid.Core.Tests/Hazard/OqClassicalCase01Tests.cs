using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Imts;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// OpenQuake classical QA case_01 (point source, Sadigh et al. 1997, truncation 2), run from its own job.ini and NRML,
/// against OQ's exported curves with OQ's assert_allclose(atol = rtol = 1e-5).
/// </summary>
public class OqClassicalCase01Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("PGA")]
    [InlineData("SA(0.1)")]
    public void Case01_MatchesOpenQuake(string imt)
    {
        var curves = HazardTestData.RunJob("oq_case_01", "job.ini");
        var k = curves.Imtls.Select(l => l.Imt).ToList().IndexOf(Imt.Parse(imt));
        var (levels, expected) = HazardTestData.OqCurves(HazardTestData.Data("oq_case_01", "expected", $"hazard_curve-{imt}.csv"));
        Assert.Equal(levels, curves.Imtls[k].Levels);
        double worst = 0;
        var failures = new List<string>();
        for (var s = 0; s < expected.Length; s++)
        {
            var actual = curves.Curve(k, s);
            for (var l = 0; l < levels.Length; l++)
            {
                var diff = Math.Abs(actual[l] - expected[s][l]);
                worst = Math.Max(worst, diff);
                if (diff > 1e-5 + 1e-5 * Math.Abs(expected[s][l]))
                    failures.Add($"site {s} iml {levels[l]}: {actual[l]:E6} vs {expected[s][l]:E6}");
            }
        }
        output.WriteLine($"case_01 {imt}: worst |diff| = {worst:E3}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
