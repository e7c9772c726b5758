using QuakeGrid.Contracts.Mapping;
using QuakeGrid.Contracts.Scenario;
using QuakeGrid.Core.Gmm;
using QuakeGrid.Core.Imts;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.Scenario;

/// <summary>
/// Checks a <see cref="ScenarioJobSpec"/> before any work starts and turns it into Core values. Every problem is a
/// <see cref="QuakeGridInputException"/> whose source is <c>scenario job {id}</c> and whose field names the member.
/// </summary>
public static class ScenarioJobValidator
{
    /// <summary>Validates <paramref name="spec"/>; throws on the first problem found.</summary>
    public static ValidatedScenario Validate(ScenarioJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var source = $"scenario job {spec.JobId}";
        if (string.IsNullOrWhiteSpace(spec.JobId)) throw new QuakeGridInputException("scenario job", null, "jobId", "the job id is empty");
        if (spec.RegionCount <= 0) throw new QuakeGridInputException(source, null, "regionCount", $"region count {spec.RegionCount} must be positive");
        if (spec.SiteCount < spec.RegionCount) throw new QuakeGridInputException(source, null, "siteCount", $"site count {spec.SiteCount} is smaller than the region count {spec.RegionCount}");

        var imts = ParseImts(spec.Imts, source);
        var model = CreateModel(spec.Gmm, source);
        for (var k = 0; k < imts.Length; k++)
            if (!model.Supports(imts[k]))
                throw new QuakeGridInputException(source, $"imt {k}", "imts", $"{model.Name} does not support IMT '{spec.Imts[k]}' (not in its coefficient table)");

        var rupture = RuptureSpecMapper.ToCore(spec.Rupture, source);
        var (min, max) = model.MagnitudeRange;
        if (!(rupture.Magnitude >= min && rupture.Magnitude <= max))
            throw new QuakeGridInputException(source, "rupture", "magnitude", $"magnitude {rupture.Magnitude} is outside the range [{min}, {max}] stated for {model.Name}");
        return new ValidatedScenario(model, rupture, imts);
    }

    private static Imt[] ParseImts(string[]? texts, string source)
    {
        if (texts is null || texts.Length == 0) throw new QuakeGridInputException(source, null, "imts", "no intensity measure type was given");
        var imts = new Imt[texts.Length];
        for (var k = 0; k < texts.Length; k++)
        {
            if (!Imt.TryParse(texts[k], out imts[k]))
                throw new QuakeGridInputException(source, $"imt {k}", "imts", $"unknown intensity measure type '{texts[k]}' (expected PGA, PGV or SA(T) with T in seconds)");
            for (var j = 0; j < k; j++)
                if (imts[j] == imts[k])
                    throw new QuakeGridInputException(source, $"imt {k}", "imts", $"intensity measure type '{texts[k]}' is given twice");
        }
        return imts;
    }

    private static IGroundMotionModel CreateModel(GmmSpec? gmm, string source)
    {
        if (gmm is null || string.IsNullOrWhiteSpace(gmm.Name)) throw new QuakeGridInputException(source, null, "gmm", "no ground-motion model was named");
        GmmOptions options;
        try
        {
            options = GmmSpecMapper.ToCoreOptions(gmm);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new QuakeGridInputException(source, null, "gmm", $"invalid options for '{gmm.Name}': {e.Message}", e);
        }
        try
        {
            return GmmFactory.Create(gmm.Name, options);
        }
        catch (QuakeGridInputException e)
        {
            throw new QuakeGridInputException(source, null, "gmm", e.Problem, e);
        }
        catch (ArgumentException e)
        {
            throw new QuakeGridInputException(source, null, "gmm", e.Message, e);
        }
    }
}
