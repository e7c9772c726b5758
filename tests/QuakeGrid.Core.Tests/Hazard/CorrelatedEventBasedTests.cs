using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// Spatial correlation of within-event residuals (JB2009) must not change mean hazard: event-based curves with
/// correlated fields, with independent fields and the classical curves agree within Monte Carlo error. Per level, the
/// site-averaged annual rate is compared; its standard error is bounded conservatively by the single-site error
/// sqrt(λ·T)/T (sites fully correlated), T = t · n_ses.
/// </summary>
public class CorrelatedEventBasedTests(ITestOutputHelper output)
{
    [Fact]
    public void Jb2009Correlation_DoesNotChangeMeanHazard()
    {
        var job = JobIniReader.Read(HazardTestData.Data("peer", "fault1_bssa14_jb2009", "job.ini"));
        Assert.Equal("JB2009", job.GroundMotionCorrelationModel);
        var sampler = VecchiaFieldSampler.ForJob(job);
        Assert.NotNull(sampler);
        var correlated = EventBasedCalculator.Run(job, fieldSampler: sampler);
        var independent = EventBasedCalculator.Run(job);
        var classical = ClassicalCalculator.Run(job);
        var years = job.InvestigationTime * job.SesPerLogicTreePath;
        double worstCorr = 0, worstIndep = 0;
        var checkedLevels = 0;
        var failures = new List<string>();
        for (var k = 0; k < job.Imtls.Count; k++)
        for (var l = 0; l < job.Imtls[k].Levels.Length; l++)
        {
            double rc = 0, rCorr = 0, rInd = 0;
            for (var s = 0; s < job.Sites.Count; s++)
            {
                rc += -Math.Log(1 - classical.Curve(k, s)[l]);
                rCorr += -Math.Log(1 - correlated.Curves.Curve(k, s)[l]);
                rInd += -Math.Log(1 - independent.Curves.Curve(k, s)[l]);
            }
            var n = job.Sites.Count;
            rc /= n; rCorr /= n; rInd /= n;
            if (!(1 - Math.Exp(-rc) > 1e-4)) continue;
            checkedLevels++;
            var se = Math.Sqrt(rc * years) / years;
            var zc = Math.Abs(rCorr - rc) / se;
            var zi = Math.Abs(rInd - rc) / se;
            worstCorr = Math.Max(worstCorr, zc);
            worstIndep = Math.Max(worstIndep, zi);
            if (zc > 3 || zi > 3)
                failures.Add($"{job.Imtls[k].Imt} {job.Imtls[k].Levels[l]}: classical {rc:E4}, correlated {rCorr:E4} ({zc:F2} SE), independent {rInd:E4} ({zi:F2} SE)");
        }
        output.WriteLine($"{correlated.EventCount} events, {checkedLevels} levels: worst correlated {worstCorr:F2} SE, independent {worstIndep:F2} SE from classical");
        Assert.True(checkedLevels >= 8);
        Assert.Equal(correlated.Events, independent.Events); // same stochastic event set
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
