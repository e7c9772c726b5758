using QuakeGrid.Core.Imts;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.IO.Job;

public class JobIniReaderTests
{
    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    [Fact]
    public void Reads_OqCase01_JobIni()
    {
        var job = JobIniReader.Read(Data("hazard", "oq_case_01", "job.ini"));
        Assert.Equal(CalculationMode.Classical, job.Mode);
        Assert.Equal(1.0, job.InvestigationTime);
        Assert.Equal(2.0, job.TruncationLevel);
        Assert.Equal(200.0, job.MaximumDistance);
        Assert.Equal(1.0, job.RuptureMeshSpacing);
        Assert.Equal(1.0, job.WidthOfMfdBin);
        Assert.Null(job.AreaSourceDiscretization); // "area_source_discretization =" is empty
        Assert.Equal(4, job.Sites.Count);
        Assert.Equal([0.0, 0.1, 0.2, 0.3], job.Sites.Lon);
        Assert.All(job.SiteDepths, d => Assert.Equal(-0.1, d));
        Assert.All(job.Sites.Vs30, v => Assert.Equal(800.0, v));
        Assert.All(job.Sites.Z1pt0, z => Assert.Equal(50.0, z));
        Assert.Equal([Imt.Pga, Imt.Sa(0.1)], job.Imtls.Select(l => l.Imt));
        Assert.Equal([0.1, 0.4, 0.6], job.Imtls[1].Levels);
        Assert.Equal("SadighEtAl1997", job.GsimBranches.Single().GmmName);
        Assert.EndsWith("source_model.xml", job.SourceModelPath);
        // "minimun_magnitude" is an intentional misspelling in the OQ test: a warning, not an error.
        Assert.Contains(job.Warnings, w => w.Contains("minimun_magnitude"));
    }

    [Fact]
    public void Nepal_UnknownGmm_IsAnErrorNamingIt()
    {
        // The Nepal demo's GMM logic tree names ChiouYoungs2008, which QuakeGrid does not have.
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(Data("sources", "nepal", "job.ini")));
        Assert.Contains("ChiouYoungs2008", e.Message);
        Assert.Contains("gmpe_logic_tree.xml", e.Source);
    }

    private static string WriteJob(string dirName, string body)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"qg-job-{dirName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.Copy(Data("hazard", "peer", "gsim_sadigh.xml"), Path.Combine(dir, "gsim.xml"));
        File.Copy(Data("hazard", "peer", "set1_case10", "source_model.xml"), Path.Combine(dir, "source_model.xml"));
        File.Copy(Data("hazard", "peer", "set1_case10", "source_model_logic_tree.xml"), Path.Combine(dir, "source_model_logic_tree.xml"));
        var path = Path.Combine(dir, "job.ini");
        File.WriteAllText(path, body);
        return path;
    }

    private const string Base = """
        [general]
        calculation_mode = event_based
        [calc]
        source_model_logic_tree_file = source_model_logic_tree.xml
        gsim_logic_tree_file = gsim.xml
        investigation_time = 50
        intensity_measure_types_and_levels = {
          'PGA': logscale(0.05, 2.0, 30),
          'SA(0.3)': [0.1, 0.2]}
        reference_vs30_value = 760
        ses_per_logic_tree_path = 100
        random_seed = 7
        ground_motion_correlation_model = JB2009
        ground_motion_correlation_params = {"vs30_clustering": False}
        poes = 0.1, 0.02
        """;

    [Fact]
    public void Reads_EventBasedKeys_Region_Logscale_MultilineDict()
    {
        var path = WriteJob("eb", Base + "\nregion = -122.5 37.5, -121.5 37.5, -121.5 38.5, -122.5 38.5\nregion_grid_spacing = 20\n");
        var job = JobIniReader.Read(path);
        Assert.Equal(CalculationMode.EventBased, job.Mode);
        Assert.Equal(100, job.SesPerLogicTreePath);
        Assert.Equal(7, job.RandomSeed);
        Assert.Equal("JB2009", job.GroundMotionCorrelationModel);
        Assert.False(job.Vs30Clustering);
        Assert.Equal([0.1, 0.02], job.Poes);
        var pga = job.Imtls[0].Levels;
        Assert.Equal(30, pga.Length);
        Assert.Equal(0.05, pga[0], 12);
        Assert.Equal(2.0, pga[^1], 12);
        Assert.Equal(Math.Sqrt(pga[0] * pga[2]), pga[1], 12);
        // ~111 km x 88 km box at 20 km spacing: 5 rows of 4 or 5 points.
        Assert.InRange(job.Sites.Count, 16, 30);
        Assert.All(job.Sites.Lon, l => Assert.InRange(l, -122.5, -121.5));
        Assert.All(job.Sites.Vs30, v => Assert.Equal(760, v));
        Assert.Empty(job.Warnings);
    }

    [Fact]
    public void UnknownKey_IsAWarning()
    {
        var job = JobIniReader.Read(WriteJob("warn", Base + "\nsites = 0 0\nfoo_bar = 3\n"));
        Assert.Contains(job.Warnings, w => w.Contains("'foo_bar'"));
    }

    [Fact]
    public void BadNumber_NamesKeyAndLine()
    {
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(WriteJob("bad", Base.Replace("investigation_time = 50", "investigation_time = fifty") + "\nsites = 0 0\n")));
        Assert.Equal("investigation_time", e.Field);
        Assert.Equal("line 6", e.Record);
    }

    [Fact]
    public void UnknownImt_IsAnError()
    {
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(WriteJob("imt", Base.Replace("'SA(0.3)'", "'MMI'") + "\nsites = 0 0\n")));
        Assert.Equal("intensity_measure_types_and_levels", e.Field);
        Assert.Contains("MMI", e.Message);
    }

    [Fact]
    public void NoSites_IsAnError()
    {
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(WriteJob("nosites", Base)));
        Assert.Equal("sites", e.Field);
    }
}
