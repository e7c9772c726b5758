using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.IO.Job;
using Xunit.Abstractions;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// Event-based (Monte Carlo) hazard against classical hazard for the same inputs: the annual exceedance rates must
/// agree within 3 Monte Carlo standard errors (sqrt(expected count) / (t · n_ses)) at every level whose classical PoE
/// exceeds 1e-4; and the results must not depend on the degree of parallelism.
/// </summary>
public class EventBasedTests(ITestOutputHelper output)
{
    private void CompareWithClassical(JobConfig job, string label)
    {
        var classical = ClassicalCalculator.Run(job);
        var eb = EventBasedCalculator.Run(job);
        var years = job.InvestigationTime * job.SesPerLogicTreePath;
        double worstZ = 0;
        var checkedLevels = 0;
        var failures = new List<string>();
        for (var k = 0; k < job.Imtls.Count; k++)
        for (var s = 0; s < job.Sites.Count; s++)
        {
            var c = classical.Curve(k, s);
            var m = eb.Curves.Curve(k, s);
            for (var l = 0; l < c.Length; l++)
            {
                if (!(c[l] > 1e-4)) continue;
                checkedLevels++;
                var rateClassical = -Math.Log(1 - c[l]) / job.InvestigationTime;
                var rateEb = -Math.Log(1 - m[l]) / job.InvestigationTime;
                var se = Math.Sqrt(rateClassical * years) / years;
                var z = Math.Abs(rateEb - rateClassical) / se;
                worstZ = Math.Max(worstZ, z);
                if (z > 3) failures.Add($"{job.Imtls[k].Imt} site {s} level {job.Imtls[k].Levels[l]}: EB rate {rateEb:E4} vs classical {rateClassical:E4} ({z:F2} SE)");
            }
        }
        output.WriteLine($"{label}: {eb.EventCount} events, {checkedLevels} levels checked, worst |EB - classical| = {worstZ:F2} standard errors");
        Assert.True(checkedLevels > 0);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void OqCase01_EventBasedAgreesWithClassical()
    {
        // 13 correlated levels are checked against 3 SE, so some seeds fail by chance: a sweep of 30 seed pairs gave a mean
        // signed z of +0.11 (no bias) and a worst |z| above 3 in 2 of them (3.16 with random_seed 5 / ses_seed 3, 3.48 with 19 / 119).
        var job = JobIniReader.Read(HazardTestData.Data("oq_case_01", "job.ini")) with { SesPerLogicTreePath = 20000, RandomSeed = 1, SesSeed = 101 };
        CompareWithClassical(job, "case_01");
    }

    [Fact]
    public void PeerCase8a_EventBasedAgreesWithClassical()
    {
        var job = JobIniReader.Read(HazardTestData.Data("peer", "set1_case8a_eb", "job.ini"));
        Assert.Equal(CalculationMode.EventBased, job.Mode);
        CompareWithClassical(job, "PEER Set 1 Case 8a");
    }

    [Fact]
    public void Results_DoNotDependOnParallelism()
    {
        var job = JobIniReader.Read(HazardTestData.Data("oq_case_01", "job.ini")) with { SesPerLogicTreePath = 2000 };
        var one = EventBasedCalculator.Run(job, maxDegreeOfParallelism: 1);
        var many = EventBasedCalculator.Run(job, maxDegreeOfParallelism: 4);
        Assert.Equal(one.Events, many.Events);
        for (var k = 0; k < job.Imtls.Count; k++) Assert.Equal(one.Curves.Poes[k], many.Curves.Poes[k]);
        var c1 = ClassicalCalculator.Run(job, maxDegreeOfParallelism: 1);
        var c4 = ClassicalCalculator.Run(job, maxDegreeOfParallelism: 4);
        for (var k = 0; k < job.Imtls.Count; k++) Assert.Equal(c1.Poes[k], c4.Poes[k]);
    }

    [Fact]
    public void EventSet_OccurrencesArePoissonWithTheRuptureRates()
    {
        // case_01: 2 ruptures (nodal planes merged) with total rate 1/yr; n_ses = 5000 years -> mean 5000 events, sd 71.
        var job = JobIniReader.Read(HazardTestData.Data("oq_case_01", "job.ini")) with { SesPerLogicTreePath = 5000 };
        var eb = EventBasedCalculator.Run(job);
        Assert.Equal(2, eb.Events.Count);
        Assert.Equal(eb.EventCount, eb.Events.Sum(e => e.Occurrences));
        Assert.InRange(eb.EventCount, 5000 - 4 * 71, 5000 + 4 * 71);
        Assert.All(eb.Events, e => Assert.Equal(4.0, e.Magnitude));
        Assert.All(eb.Events, e => Assert.Equal(0.5, e.AnnualRate, 12));
    }
}
