using QuakeGrid.Core.Conditioning;
using QuakeGrid.Core.Correlation;
using QuakeGrid.Core.Geometry;
using QuakeGrid.Core.Sites;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.Correlation;

/// <summary>Propagation of posterior uncertainty: one posterior draw per event (issue 6).</summary>
public sealed class PosteriorCorrelationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("qg-posterior-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string text)
    {
        var p = Path.Combine(_dir, $"posterior{Guid.NewGuid():N}.csv");
        File.WriteAllText(p, text);
        return p;
    }

    [Theory]
    [InlineData("LE,gammaE,LA,LS,w\n20,0.5,20,150,0.6\n20,0.5,abc,150,0.6\n", "line 3", "LA", "not a finite number")]
    [InlineData("LE,gammaE,LA,LS,w\n20,0.5,20,150,1.5\n", "line 2", "w", "outside its domain")]
    [InlineData("LE,gammaE\n20,0.5\n-3,0.5\n", "line 3", "LE", "outside its domain")]
    [InlineData("LE,gammaE,LA\n20,0.5\n", "line 2", null, "2 fields, expected 3")]
    [InlineData("LE,gamma\n20,0.5\n", "line 1", null, "is not LE,gammaE")]
    [InlineData("LE,gammaE,LA,LS,w\n", null, null, "no posterior draws")]
    [InlineData("LE,gammaE\n20,NaN\n", "line 2", "gammaE", "not a finite number")]
    public void BadFilesAreRejectedNamingFileRowAndColumn(string text, string? row, string? column, string problem)
    {
        var path = Write(text);
        var e = Assert.Throws<QuakeGridInputException>(() => PosteriorCorrelation.Read(path));
        Assert.Equal(path, e.Source);
        Assert.Equal(row, e.Record);
        Assert.Equal(column, e.Field);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void ReadsModelFromHeaderAndDrawsAreDeterministicAndUniform()
    {
        var p = PosteriorCorrelation.Read(Write("LE,gammaE,LA\n10,0.5,20\n20,0.6,25\n30,0.7,30\n"));
        Assert.Equal(BodenmannVariant.EA, p.Variant);
        Assert.Equal(3, p.Count);
        Assert.Equal(25, p.Kernel(1).Parameters.LA);
        var counts = new int[3];
        for (var e = 0; e < 30_000; e++)
        {
            var k = p.DrawIndex(99, e);
            Assert.Equal(k, p.DrawIndex(99, e));
            counts[k]++;
        }
        // Uniform: each count ~ Binomial(30000, 1/3), sd ≈ 82.
        foreach (var c in counts) Assert.InRange(c, 10_000 - 400, 10_000 + 400);
        Assert.NotEqual(Enumerable.Range(0, 20).Select(e => p.DrawIndex(1, e)), Enumerable.Range(0, 20).Select(e => p.DrawIndex(2, e)));
    }

    /// <summary>
    /// Over many events the empirical correlation between two sites equals the posterior-averaged correlation
    /// (1/R) Σ_r ρ_r, not any single draw's: the model uncertainty is propagated. Two EAS draws with very different
    /// length scales give ρ ≈ 0.12 and ≈ 0.78 for the pair; 6,000 events give a Monte Carlo sd ≈ 0.012.
    /// </summary>
    [Fact]
    public void EmpiricalCorrelationEqualsPosteriorAveragedCorrelation()
    {
        var p = PosteriorCorrelation.Read(Write("LE,gammaE,LA,LS,w\n3,1.0,20,150,0.6\n80,1.0,40,1000,0.6\n"));
        var epi = new GeoPoint(-122.0, 37.0);
        var sites = new SiteCollection([-122.0, -121.95, -121.9], [37.2, 37.22, 37.3], [300, 360, 700]);
        var cs = CorrelationSiteBuilder.FromSites(sites, null, epi);
        var rho = Enumerable.Range(0, p.Count).Select(r => p.Kernel(r).Rho(cs, 0, cs, 1)).ToArray();
        Assert.True(rho[1] - rho[0] > 0.5, $"draws too similar: {rho[0]}, {rho[1]}");
        const int events = 6000;
        var ids = Enumerable.Range(0, events).Select(e => (long)e).ToArray();
        var seeds = ids.Select(e => QuakeGrid.Core.Random.SeedDerivation.Derive(5, e, "test-within")).ToArray();
        var f = p.SampleWithin(new DenseFieldSampler(), cs, 5, ids, seeds);
        double s01 = 0, s00 = 0, s11 = 0;
        for (var e = 0; e < events; e++)
        {
            var a = f[e]; var b = f[events + e];
            s01 += a * b; s00 += a * a; s11 += b * b;
        }
        var empirical = s01 / Math.Sqrt(s00 * s11);
        var averaged = rho.Average();
        Assert.True(Math.Abs(empirical - averaged) < 0.05, $"empirical {empirical:F4} vs posterior-averaged {averaged:F4} (draws {rho[0]:F3}, {rho[1]:F3})");

        // Each event's field is the one the single-kernel sampler gives it with its own draw and seed.
        foreach (var e in new[] { 0, 1, 17, 5999 })
        {
            var alone = new DenseFieldSampler().Sample(cs, p.KernelFor(5, e), [seeds[e]]);
            for (var i = 0; i < 3; i++) Assert.Equal(alone[i], f[i * events + e]);
        }
    }
}
