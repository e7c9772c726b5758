using System.Globalization;
using QuakeGrid.Core.Inference;
using QuakeGrid.Core.Inference.Data;
using QuakeGrid.Core.Inference.Likelihood;
using QuakeGrid.Core.Inference.Output;
using QuakeGrid.Core.Inference.Sampling;

namespace QuakeGrid.Core.Tests.Inference;

public class CorrelationFitWriterTests
{
    [Fact]
    public void WritesIssueFilesWithHeadersAndValues()
    {
        var data = PooledResidualData.FromTable(InferenceTestData.Subset()).Where(id => id != 158);
        var fit = CorrelationFitter.Fit(data, new CorrelationFitOptions
        {
            Model = CorrelationModelKind.E, Seed = 9, MaxLppdDraws = 10,
            Nuts = new NutsSettings { Chains = 2, Warmup = 60, Draws = 20 },
        });
        var dir = Path.Combine(Path.GetTempPath(), "qg-inference-" + Guid.NewGuid().ToString("N"));
        try
        {
            CorrelationFitWriter.WriteAll(fit, dir);
            var post = File.ReadAllLines(Path.Combine(dir, "posterior.csv"));
            Assert.Equal("LE,gammaE", post[0]);
            Assert.Equal(41, post.Length);
            Assert.Equal(fit.PosteriorDraws[0][0], double.Parse(post[1].Split(',')[0], CultureInfo.InvariantCulture));
            var map = File.ReadAllLines(Path.Combine(dir, "map.csv"));
            Assert.Equal(post[0], map[0]);
            Assert.Equal(fit.Map.Parameters.LE, double.Parse(map[1].Split(',')[0], CultureInfo.InvariantCulture));
            var summary = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
            Assert.Equal("parameter,mean,sd,q05,q50,q95,rhat,ess_bulk,ess_tail", summary[0]);
            Assert.StartsWith("LE,", summary[1]);
            var lppd = File.ReadAllLines(Path.Combine(dir, "lppd.csv"));
            Assert.Equal("model,lppd,gain_percent,draws", lppd[0]);
            Assert.StartsWith("E,", lppd[1]);
            Assert.StartsWith("independent,", lppd[2]);
            Assert.StartsWith("semivariogram,", lppd[3]);
            Assert.True(File.Exists(Path.Combine(dir, "diagnostics.csv")));
            Assert.Contains("empirical,bin,", File.ReadAllText(Path.Combine(dir, "semivariogram.csv")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
