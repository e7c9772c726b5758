using System.Text;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Client;

/// <summary>
/// Packs an OpenQuake job from disk into a <see cref="JobBundle"/>: the job.ini, every file one of its values names
/// (site model, logic trees, site files), and the source model the logic tree points to. Paths are made relative to the
/// deepest folder holding them all, so jobs that reach into sibling folders (<c>../</c>) pack without <c>..</c>.
/// </summary>
public static class JobBundles
{
    /// <summary>
    /// Reads the job (errors name the file, line and key) and packs it. With <paramref name="correlation"/> (the value of
    /// <c>quakegrid hazard --correlation</c>: <c>JB2009</c> or <c>posterior:&lt;file&gt;[:R]</c>, a relative file relative to
    /// the current directory) the packed job.ini's <c>ground_motion_correlation_model</c> is replaced by it (the posterior
    /// file is packed too and named relative to the job.ini), so the bundle holds exactly the job that runs. With
    /// <paramref name="confineTo"/> (a silo packing a job from its job folder) every file the job names must lie inside
    /// that folder, and no file outside it is packed.
    /// </summary>
    public static JobBundle FromJobFile(string jobIniPath, string? correlation = null, string? confineTo = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobIniPath);
        var jobPath = Path.GetFullPath(jobIniPath);
        if (!File.Exists(jobPath)) throw new QuakeGridInputException(jobIniPath, null, null, "job file not found");
        var job = JobIniReader.Read(jobPath, confineTo);
        if (correlation is not null) job = CorrelationModelSetting.Override(job, correlation);
        var dir = Path.GetDirectoryName(jobPath)!;
        var files = new SortedSet<string>(StringComparer.Ordinal) { jobPath, Path.GetFullPath(job.SourceModelPath) };
        if (job.CorrelationPosterior is { } posterior) files.Add(Path.GetFullPath(posterior.Source));
        foreach (var value in IniValues(jobPath))
        {
            if (value.Length == 0 || value.IndexOfAny(Path.GetInvalidPathChars()) >= 0) continue;
            var candidate = Path.GetFullPath(Path.Combine(dir, value));
            if (File.Exists(candidate) && (confineTo is null || JobFileConfinement.IsInside(candidate, confineTo))) files.Add(candidate);
        }
        var root = CommonFolder(files);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
            map[Relative(root, f)] = File.ReadAllText(f, Encoding.UTF8);
        if (correlation is not null)
        {
            var value = job.CorrelationPosterior is { } p
                ? CorrelationModelSetting.PosteriorPrefix + Path.GetRelativePath(dir, Path.GetFullPath(p.Source)).Replace(Path.DirectorySeparatorChar, '/') +
                  ":" + p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : job.GroundMotionCorrelationModel!;
            map[Relative(root, jobPath)] = WithCorrelation(map[Relative(root, jobPath)], value);
        }
        return new JobBundle(Relative(root, jobPath), map);
    }

    /// <summary>The job.ini text with every <c>ground_motion_correlation_model</c> line removed and one with <paramref name="value"/> appended (keys are flat).</summary>
    private static string WithCorrelation(string ini, string value)
    {
        var lines = ini.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !(l.Length > 0 && !char.IsWhiteSpace(l[0]) && l.Split('=', ':')[0].Trim().Equals("ground_motion_correlation_model", StringComparison.OrdinalIgnoreCase)));
        return string.Join("\n", lines).TrimEnd('\n') + "\nground_motion_correlation_model = " + value + "\n";
    }

    /// <summary>Every <c>key = value</c> value of the file (continuation lines ignored: file names fit on one line).</summary>
    private static IEnumerable<string> IniValues(string path)
    {
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[') continue;
            var eq = line.IndexOfAny(['=', ':']);
            if (eq > 0) yield return line[(eq + 1)..].Trim();
        }
    }

    private static string CommonFolder(IEnumerable<string> files)
    {
        string? common = null;
        foreach (var f in files)
        {
            var d = Path.GetDirectoryName(f)!;
            if (common is null) { common = d; continue; }
            while (!IsUnder(d, common)) common = Path.GetDirectoryName(common) ?? throw new InvalidOperationException("the job's files share no folder");
        }
        return common!;
    }

    private static bool IsUnder(string dir, string folder) =>
        dir == folder || dir.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
}
