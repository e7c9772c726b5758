using QuakeGrid.Core.Hazard;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Random;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;
using Xunit.Abstractions;

using static QuakeGrid.Core.Tests.Hazard.PosteriorTestHelpers;

namespace QuakeGrid.Core.Tests.Hazard;

/// <summary>
/// Event-based hazard with a <c>posterior:</c> correlation model (per-event Bodenmann E hyperparameters): each event's
/// within-event field follows the kernel of the draw it got (empirical correlation of two sites, split by draw, against
/// ρ = exp(−d/l_E) computed here from the distance); counts are bit-identical for any tiling and batching and for
/// repeated runs; the per-draw choice changes the result; bad values are reported with file, line and key.
/// </summary>
public sealed class PosteriorEventBasedTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quakegrid-posterior-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Posterior(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JobConfig BaseJob() => JobIniReader.Read(HazardTestData.Data("peer", "fault1_bssa14_jb2009", "job.ini"));

    [Fact]
    public void EachEventsFieldFollowsTheKernelOfItsDraw()
    {
        // Two very different draws: l_E = 5 km and 100 km (gamma_E = 1, so rho = exp(-d / l_E)).
        var path = Posterior("two.csv", "LE,gammaE\n5,1\n100,1\n");
        var job = PosteriorGridJob(path, 2, 1, 1000) with
        {
            // Two sites on the equator 0.18° apart (20.0 km) and three others: n ≤ m + 1, so the Vecchia factor is exact.
            Sites = new SiteCollection([10.0, 10.18, 10.5, 9.7, 10.1], [0.0, 0.0, 0.3, -0.2, 0.4], [760.0, 760, 760, 760, 760]),
            SiteDepths = new double[5],
        };
        var plan = EventBasedPlan.Prepare(job);
        Assert.NotNull(plan.Posterior);
        Assert.Equal(2, plan.Posterior!.Count);
        var tile = EventBasedTile.Create(plan, [0, 1, 2, 3, 4]);
        const int events = 6000;
        var seeds = Enumerable.Range(0, events).Select(i => SeedDerivation.Derive(99, i, "test-event")).ToArray();
        var fields = new double[2 * events];
        tile.WithinEventFields(1, seeds, [0, 1], fields);
        var d = 6371.0 * 0.18 * Math.PI / 180.0;
        var draws = seeds.Select(s => Xoshiro256StarStar.ForStream(s, 0, "posterior-draw").NextInt(2)).ToArray();
        foreach (var (draw, le, tolerance) in new[] { (0, 5.0, 0.07), (1, 100.0, 0.03) })
        {
            var idx = Enumerable.Range(0, events).Where(e => draws[e] == draw).ToArray();
            var a = idx.Select(e => fields[e]).ToArray();
            var b = idx.Select(e => fields[events + e]).ToArray();
            var rho = PearsonCorrelation(a, b);
            var model = Math.Exp(-d / le);
            output.WriteLine($"draw {draw} (l_E = {le} km): {idx.Length} events, empirical rho = {rho:F4}, model {model:F4}, var {a.Average(x => x * x):F3}");
            Assert.InRange(idx.Length, events / 2 - 300, events / 2 + 300);
            Assert.True(Math.Abs(rho - model) < tolerance, $"draw {draw}: empirical {rho:F4} vs model {model:F4}");
            Assert.InRange(a.Average(x => x * x), 0.93, 1.07);
        }
    }

    [Fact]
    public void CountsAreBitIdenticalForAnyTilingAndRepeatableAndDependOnTheDraws()
    {
        var path = Posterior("three.csv", "LE,gammaE\n2,1\n10,0.5\n40,1\n");
        var job = PosteriorGridJob(path, 10, 10, 20_000);
        var plan = EventBasedPlan.Prepare(job, options: new EventBasedOptions { EventsPerSweep = 16 });
        Assert.True(plan.Correlated);
        Assert.True(plan.RuptureCount > 10, $"{plan.RuptureCount} occurring ruptures");
        var all = Enumerable.Range(0, plan.SiteCount).ToArray();
        var whole = Tiled(plan, [all], [0, plan.RuptureCount]);
        var quarters = Enumerable.Range(0, 4).Select(q => all.Where(s => (s % 10 < 5 ? 0 : 1) + (s / 10 < 5 ? 0 : 2) == q).ToArray()).ToArray();
        var third = plan.RuptureCount / 3;
        var tiled = Tiled(plan, quarters, [0, third, 2 * third, plan.RuptureCount]);
        Assert.Equal(whole, tiled);
        Assert.True(whole.SelectMany(b => b).SelectMany(k => k).Sum() > 0);

        // Another plan of the same job (another sweep width) gives the same counts.
        var again = EventBasedPlan.Prepare(job, options: new EventBasedOptions { EventsPerSweep = 32 });
        Assert.Equal(whole, Tiled(again, [all], [0, again.RuptureCount]));

        // A single-draw posterior (l_E = 40 km for every event) gives other counts: the draws are used.
        var fixedJob = PosteriorGridJob(Posterior("fixed.csv", "LE,gammaE\n40,1\n"), 10, 10, 20_000);
        var fixedPlan = EventBasedPlan.Prepare(fixedJob);
        Assert.NotEqual(whole, Tiled(fixedPlan, [all], [0, fixedPlan.RuptureCount]));
    }

    /// <summary>
    /// A tile's closure rows computed from the kernels alone equal the same rows of whole factors over all sites, and the
    /// per-lane sweep equals, lane by lane, the single-factor sweep of that lane's factor (bit for bit).
    /// </summary>
    [Fact]
    public void ClosureRowsAndSweepPerLaneEqualWholeFactorsAndSingleFactorSweeps()
    {
        var path = Posterior("three.csv", "LE,gammaE\n2,1\n10,0.5\n40,1\n");
        var plan = EventBasedPlan.Prepare(PosteriorGridJob(path, 12, 10, 1000));
        var pp = plan.PosteriorPlan!;
        var factors = pp.Kernels.Select(k => QuakeGrid.Core.Gp.Vecchia.VecchiaFactor.Compute(pp.Structure, pp.Sites, k)).ToArray();
        int[] tileSites = [3, 4, 5, 15, 16, 17, 27, 28, 29, 100];
        var whole = QuakeGrid.Core.Gp.Vecchia.VecchiaSubset.Create(factors, tileSites);
        var subset = pp.Subset(tileSites);
        Assert.Equal(whole.Sites, subset.Sites);
        Assert.True(subset.Count > tileSites.Length && subset.Count < 120, $"closure {subset.Count}");
        var rows = Enumerable.Range(0, subset.Count).ToArray();
        const int width = 8;
        var keys = Enumerable.Range(0, 7).Select(i => SeedDerivation.Derive(5, i, "k")).ToArray();
        int[] laneFactor = [2, 0, 1, 1, 2, 0, 2];
        var mixed = new double[subset.Count * width];
        subset.SweepPerLane(laneFactor, rows, keys, width, mixed);
        for (var f = 0; f < factors.Length; f++)
        {
            var single = new double[subset.Count * width];
            whole.Sweep(f, rows, keys, width, single);
            var fromKernels = new double[subset.Count * width];
            subset.Sweep(f, rows, keys, width, fromKernels);
            Assert.Equal(single.Select(BitConverter.DoubleToInt64Bits), fromKernels.Select(BitConverter.DoubleToInt64Bits));
            for (var q = 0; q < keys.Length; q++)
                if (laneFactor[q] == f)
                    for (var r = 0; r < subset.Count; r++)
                        Assert.Equal(BitConverter.DoubleToInt64Bits(single[r * width + q]), BitConverter.DoubleToInt64Bits(mixed[r * width + q]));
        }
        for (var r = 0; r < subset.Count; r++) Assert.Equal(0.0, mixed[r * width + 7]);
    }

    [Fact]
    public void ThinningKeepsEvenlySpacedRows()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 10).Select(i => $"{i},1"));
        var path = Posterior("ten.csv", "LE,gammaE\n" + rows + "\n");
        var post = CorrelationModelSetting.ReadPosterior($"posterior:{path}:4", "/", "test", null, null);
        Assert.Equal([1.0, 3, 6, 8], Enumerable.Range(0, post.Count).Select(i => post.Kernel(i).Parameters.LE));
        Assert.Equal(10, CorrelationModelSetting.ReadPosterior($"posterior:{path}", "/", "test", null, null).Count);
    }

    private string JobFile(string correlation, string imts = "{\"PGA\": [0.05, 0.1]}")
    {
        var src = HazardTestData.Data("peer", "fault1_bssa14_jb2009");
        var text = File.ReadAllText(Path.Combine(src, "job.ini"))
            .Replace("ground_motion_correlation_model = JB2009", "ground_motion_correlation_model = " + correlation)
            .Replace("source_model_logic_tree_file = source_model_logic_tree.xml", "source_model_logic_tree_file = " + Path.Combine(src, "source_model_logic_tree.xml"))
            .Replace("gsim_logic_tree_file = ../gsim_bssa14.xml", "gsim_logic_tree_file = " + Path.GetFullPath(Path.Combine(src, "..", "gsim_bssa14.xml")));
        text = System.Text.RegularExpressions.Regex.Replace(text, "intensity_measure_types_and_levels = .*", "intensity_measure_types_and_levels = " + imts);
        var path = Path.Combine(_dir, "job.ini");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void JobIniAcceptsAPosteriorRelativeToTheJobFile()
    {
        Posterior("post.csv", "LE,gammaE\n5,1\n6,1\n7,1\n");
        var job = JobIniReader.Read(JobFile("posterior:post.csv:2"));
        Assert.Equal(2, job.CorrelationPosterior!.Count);
        Assert.Equal("posterior:" + Path.Combine(_dir, "post.csv") + ":2", job.GroundMotionCorrelationModel);
        Assert.DoesNotContain(job.Warnings, w => w.Contains("posterior", StringComparison.Ordinal));
        var multi = JobIniReader.Read(JobFile("posterior:post.csv", "{\"PGA\": [0.1], \"SA(1.0)\": [0.1]}"));
        Assert.Equal(3, multi.CorrelationPosterior!.Count);
        Assert.Contains(multi.Warnings, w => w.Contains("applied to every IMT", StringComparison.Ordinal));
        // The command-line override replaces the job's model.
        var over = CorrelationModelSetting.Override(JobIniReader.Read(JobFile("JB2009")), "posterior:" + Path.Combine(_dir, "post.csv") + ":1");
        Assert.Equal(1, over.CorrelationPosterior!.Count);
        Assert.Null(VecchiaFieldSampler.ForJob(over));
    }

    [Theory]
    [InlineData("posterior:missing.csv", "ground_motion_correlation_model", "missing.csv")]
    [InlineData("posterior:", "ground_motion_correlation_model", "give the posterior file")]
    [InlineData("posterior:post.csv:0", "ground_motion_correlation_model", "at least 1")]
    [InlineData("Matern", "ground_motion_correlation_model", "unsupported correlation model")]
    public void BadJobValuesNameTheJobLineAndKey(string value, string field, string message)
    {
        Posterior("post.csv", "LE,gammaE\n5,1\n");
        var job = JobFile(value);
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(job));
        Assert.Equal(job, e.Source);
        Assert.Equal(field, e.Field);
        Assert.StartsWith("line ", e.Record);
        Assert.Contains(message, e.Problem);
    }

    [Fact]
    public void BadPosteriorFilesNameTheFileLineAndColumn()
    {
        var header = Posterior("header.csv", "LE,gamma\n5,1\n");
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(JobFile("posterior:header.csv")));
        Assert.Equal(header, e.Source);
        Assert.Equal("line 1", e.Record);
        var value = Posterior("value.csv", "LE,gammaE\n5,1\n-3,1\n");
        e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(JobFile("posterior:value.csv")));
        Assert.Equal(value, e.Source);
        Assert.Equal("line 3", e.Record);
        Assert.Equal("LE", e.Field);
        e = Assert.Throws<QuakeGridInputException>(() => CorrelationModelSetting.Override(BaseJob(), "EAS"));
        Assert.Equal("--correlation", e.Source);
        Assert.Contains("unsupported correlation model", e.Problem);
    }
}
