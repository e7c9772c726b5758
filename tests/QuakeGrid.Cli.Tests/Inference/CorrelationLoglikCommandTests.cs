using System.Globalization;
using QuakeGrid.Cli.Tests.Support;

namespace QuakeGrid.Cli.Tests.Inference;

/// <summary>Black-box tests of <c>quakegrid correlation-loglik</c>.</summary>
public sealed class CorrelationLoglikCommandTests
{
    private static readonly string Data = TestData.Path("inference", "ngawest2_T100_subset.csv");

    private static string EasParams(double le, double gammaE, double la, double ls, double w) =>
        string.Create(CultureInfo.InvariantCulture, $"LE={le:R},gammaE={gammaE:R},LA={la:R},LS={ls:R},w={w:R}");

    /// <summary>The last whitespace-separated token of stdout, parsed as a double.</summary>
    private static double LastNumber(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        var last = run.Out.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^1];
        return double.Parse(last, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// External oracle: Bodenmann et al.'s log-likelihood of event 158 (T = 1 s) under their first five pooled EAS
    /// posterior draws (numpyro/JAX, nugget 1e-6; see data/inference/PROVENANCE.md). Inputs and outputs are printed
    /// in single precision, hence the 2e-3 tolerance.
    /// </summary>
    [Theory]
    [InlineData(30.268263, 0.4085745, 20.801558, 223.43585, 0.66960907, -145.73776)]
    [InlineData(33.672764, 0.3975676, 17.120098, 170.94627, 0.67131174, -145.80763)]
    [InlineData(30.728834, 0.39185125, 18.938839, 228.33913, 0.67085636, -145.91664)]
    [InlineData(27.255333, 0.4362609, 20.851435, 172.33385, 0.70024323, -145.5846)]
    [InlineData(26.872337, 0.42576605, 21.752647, 163.04816, 0.6843375, -145.79813)]
    public async Task Event158MatchesPublishedLogLikelihood(double le, double gammaE, double la, double ls, double w, double expected)
    {
        var run = await CliRun.RunAsync("correlation-loglik", "--data", Data, "--model", "EAS",
            "--params", EasParams(le, gammaE, la, ls, w), "--event", "158");
        Assert.Equal(expected, LastNumber(run), 2e-3);
    }

    [Fact]
    public async Task AllEventsIsTheSumOfPerEventValues()
    {
        var p = EasParams(30.268263, 0.4085745, 20.801558, 223.43585, 0.66960907);
        var total = LastNumber(await CliRun.RunAsync("correlation-loglik", "--data", Data, "--model", "EAS", "--params", p));
        var sum = 0.0;
        foreach (var id in new[] { "30", "158", "161", "1156" })
            sum += LastNumber(await CliRun.RunAsync("correlation-loglik", "--data", Data, "--model", "EAS", "--params", p, "--event", id));
        Assert.Equal(sum, total, 1e-9);
        Assert.True(total < -145.0 * 1.5, $"four events must add more than event 158 alone: {total}");
    }

    [Fact]
    public async Task ModelEDiffersFromEas()
    {
        // Model E at the EAS draw's (LE, gammaE) is a different kernel: a different likelihood for event 158.
        var e = LastNumber(await CliRun.RunAsync("correlation-loglik", "--data", Data, "--model", "E",
            "--params", "LE=30.268263,gammaE=0.4085745", "--event", "158"));
        Assert.True(double.IsFinite(e));
        Assert.True(Math.Abs(e - -145.73776) > 0.5, $"E and EAS likelihoods coincide: {e}");
    }

    [Theory]
    [InlineData("EAS", "LE=30,gammaE=0.4,LA=20,LS=170", null, "field 'w'", "missing")]
    [InlineData("E", "LE=30,gammaE=0.4,LA=20", null, "field 'LA'", "not a parameter of model E")]
    [InlineData("E", "LE=30,gammaE=0.4,foo=1", null, "field 'foo'", "unknown parameter")]
    [InlineData("E", "LE=3x,gammaE=0.4", null, "field 'LE'", "not a finite number")]
    [InlineData("E", "LE30,gammaE=0.4", null, "LE30", "expected name=value")]
    [InlineData("E", "LE=30;gammaE=0.4", null, "field 'LE'", "not a finite number")]
    [InlineData("E", "LE=30,gammaE=0.4,LE=31", null, "field 'LE'", "more than once")]
    [InlineData("E", "LE=30,gammaE=2.5", null, "field 'gammaE'", "outside its domain")]
    [InlineData("EAX", "LE=30,gammaE=0.4", null, "--model", "unknown correlation model")]
    [InlineData("E", "LE=30,gammaE=0.4", "999", "field 'eqid'", "no record of this event")]
    public async Task BadInputIsAClearError(string model, string parameters, string? eventId, string where, string what)
    {
        var args = new List<string> { "correlation-loglik", "--data", Data, "--model", model, "--params", parameters };
        if (eventId is not null) args.AddRange(["--event", eventId]);
        var run = await CliRun.RunAsync([.. args]);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(where, run.Err);
        Assert.Contains(what, run.Err);
        Assert.DoesNotContain("loglik", run.Out);
    }
}
