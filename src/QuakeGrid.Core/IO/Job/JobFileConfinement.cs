using QuakeGrid.Core.Validation;

namespace QuakeGrid.Core.IO.Job;

/// <summary>
/// Resolves a file named inside a job (job.ini value, logic-tree branch, posterior value) against its folder and, when
/// the job comes from an untrusted place (an uploaded bundle, a server-side job folder), refuses a path that leaves the
/// allowed folder — an absolute path or one that climbs out with <c>..</c>. The refusal names the job file, record and
/// key but never reads the outside file, so no server file is read or echoed.
/// </summary>
public static class JobFileConfinement
{
    /// <summary>
    /// Full path of <paramref name="file"/> relative to <paramref name="baseDir"/>. With <paramref name="confineTo"/>,
    /// throws unless the path lies inside that folder; errors name <paramref name="source"/>, <paramref name="record"/>
    /// and <paramref name="field"/>.
    /// </summary>
    public static string Resolve(string baseDir, string file, string? confineTo, string source, string? record, string? field)
    {
        ArgumentNullException.ThrowIfNull(baseDir);
        ArgumentNullException.ThrowIfNull(file);
        var full = Path.GetFullPath(Path.Combine(baseDir, file));
        if (confineTo is not null && !IsInside(full, confineTo))
            throw new QuakeGridInputException(source, record, field,
                $"'{file}' is outside the job's folder; a submitted job may only name files it carries (relative paths without '..' leaving the job)");
        return full;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies below it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        return full.StartsWith(root, StringComparison.Ordinal) || full + Path.DirectorySeparatorChar == root;
    }
}
