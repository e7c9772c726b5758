using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.Tests.IO.Job;

/// <summary>
/// A job read with a confining folder (an uploaded or server-side job) may only name files inside that folder: a
/// site model, logic tree or source model outside it is refused with the job file, line and key, and is not read.
/// Without confinement (a user's own job on the command line) the same job reads normally.
/// </summary>
public sealed class JobFileConfinementTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qg-confine-" + Guid.NewGuid().ToString("N"));
    private static string Case01(string file) => Path.Combine(AppContext.BaseDirectory, "data", "hazard", "oq_case_01", file);

    public JobFileConfinementTests()
    {
        // <root>/job/ holds the job; <root>/outside/ holds files the job reaches with "../outside/...".
        Directory.CreateDirectory(Path.Combine(_root, "job"));
        Directory.CreateDirectory(Path.Combine(_root, "outside"));
        foreach (var f in new[] { "source_model_logic_tree.xml", "gsim_logic_tree.xml", "source_model.xml" })
            File.Copy(Case01(f), Path.Combine(_root, "job", f));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string WriteJob(string gsimTree)
    {
        var ini = File.ReadAllText(Case01("job.ini"));
        var lines = ini.Split('\n').Select(l => l.TrimStart().StartsWith("gsim_logic_tree_file", StringComparison.Ordinal)
            ? "gsim_logic_tree_file = " + gsimTree : l);
        var path = Path.Combine(_root, "job", "job.ini");
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }

    [Fact]
    public void A_logic_tree_outside_the_folder_is_refused_naming_the_key_and_is_not_read()
    {
        File.Copy(Case01("gsim_logic_tree.xml"), Path.Combine(_root, "outside", "gsim_logic_tree.xml"));
        var job = WriteJob("../outside/gsim_logic_tree.xml");

        // A user's own job may reach a sibling folder.
        Assert.Equal("SadighEtAl1997", JobIniReader.Read(job).GsimBranches.Single().GmmName);

        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(job, confineTo: Path.Combine(_root, "job")));
        Assert.Equal(job, e.Source);
        Assert.Equal("gsim_logic_tree_file", e.Field);
        Assert.StartsWith("line ", e.Record);
        Assert.Contains("outside the job's folder", e.Problem);
    }

    [Fact]
    public void An_absolute_path_to_a_server_file_is_refused_without_echoing_its_content()
    {
        var secret = Path.Combine(_root, "outside", "secret.xml");
        File.WriteAllText(secret, "TOP-SECRET-LINE\n");
        var job = WriteJob(secret);
        // Unconfined, the reader opens the file and its error quotes what it found there.
        var open = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(job));
        Assert.Equal(secret, open.Source);

        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(job, confineTo: Path.Combine(_root, "job")));
        Assert.Equal("gsim_logic_tree_file", e.Field);
        Assert.DoesNotContain("TOP-SECRET", e.Message);
    }

    [Fact]
    public void A_source_model_branch_leaving_the_folder_is_refused_naming_the_branch()
    {
        var tree = Path.Combine(_root, "job", "source_model_logic_tree.xml");
        File.Copy(Path.Combine(_root, "job", "source_model.xml"), Path.Combine(_root, "outside", "source_model.xml"));
        File.WriteAllText(tree, File.ReadAllText(tree).Replace("source_model.xml", "../outside/source_model.xml"));
        var job = WriteJob("gsim_logic_tree.xml");

        Assert.EndsWith(Path.Combine("outside", "source_model.xml"), JobIniReader.Read(job).SourceModelPath);
        var e = Assert.Throws<QuakeGridInputException>(() => JobIniReader.Read(job, confineTo: Path.Combine(_root, "job")));
        Assert.Equal(tree, e.Source);
        Assert.Equal("uncertaintyModel", e.Field);
    }

    [Theory]
    [InlineData("/a/b/c.xml", "/a/b", true)]
    [InlineData("/a/b", "/a/b/", true)]
    [InlineData("/a/bc/d.xml", "/a/b", false)]
    [InlineData("/a/b/../x.xml", "/a/b", false)]
    public void IsInside_compares_whole_path_segments(string path, string folder, bool inside) =>
        Assert.Equal(inside, JobFileConfinement.IsInside(path, folder));
}
