using System.Security.Cryptography;
using System.Text;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.IO.Nrml;
using QuakeGrid.Core.Sources;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Turns a <see cref="JobBundle"/> into Core's <see cref="JobConfig"/> and <see cref="SourceModel"/>: the files are
/// written to a private temporary folder, read with <see cref="JobIniReader"/> and <see cref="NrmlSourceModelReader"/>,
/// and the folder is deleted. Errors name the bundle path of the bad file (never the temporary folder). Every file the
/// job names must be one of the bundle's files: a path leaving the folder is refused before anything outside is read.
/// </summary>
public static class JobBundleReader
{
    /// <summary>The request name used in errors about the bundle itself.</summary>
    public const string Source = "job bundle";

    /// <summary>The job and its source model. Throws <see cref="QuakeGridInputException"/> for any bad file or path.</summary>
    public static (JobConfig Job, SourceModel Model) Read(JobBundle bundle)
    {
        Validate(bundle);
        var root = Path.Combine(Path.GetTempPath(), "quakegrid-bundle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            foreach (var (name, text) in bundle.Files)
            {
                var path = Path.Combine(root, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, new UTF8Encoding(false));
            }
            try
            {
                var job = JobIniReader.Read(Path.Combine(root, bundle.JobFileName), confineTo: root);
                var model = NrmlSourceModelReader.Read(job.SourceModelPath);
                return (job, model);
            }
            catch (QuakeGridInputException e)
            {
                throw Rebase(e, root);
            }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { /* a leftover temp folder is harmless; the result does not depend on it */ }
        }
    }

    /// <summary>SHA-256 (hex) over the job file name and every file's name and text, in ordinal name order.</summary>
    public static string Fingerprint(JobBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }
        Add(bundle.JobFileName);
        foreach (var name in bundle.Files.Keys.Order(StringComparer.Ordinal))
        {
            Add(name);
            Add(bundle.Files[name]);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Checks the bundle's shape: a job file among the files, safe relative paths, bounded size.</summary>
    public static void Validate(JobBundle bundle)
    {
        if (bundle is null) throw new QuakeGridInputException(Source, null, null, "no job bundle was given");
        if (bundle.Files is null || bundle.Files.Count == 0) throw new QuakeGridInputException(Source, null, "files", "the bundle holds no files");
        if (string.IsNullOrWhiteSpace(bundle.JobFileName)) throw new QuakeGridInputException(Source, null, "jobFileName", "no job file name was given");
        long chars = 0;
        foreach (var (name, text) in bundle.Files)
        {
            CheckPath(name);
            if (text is null) throw new QuakeGridInputException(Source, $"file '{name}'", "text", "the file has no content");
            chars += text.Length;
        }
        if (chars > HazardJobLimits.MaxBundleChars)
            throw new QuakeGridInputException(Source, null, "files", $"the bundle holds {chars:N0} characters, more than the limit of {HazardJobLimits.MaxBundleChars:N0}");
        if (!bundle.Files.ContainsKey(bundle.JobFileName))
            throw new QuakeGridInputException(Source, null, "jobFileName", $"the job file '{bundle.JobFileName}' is not among the bundle's files");
    }

    private static void CheckPath(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new QuakeGridInputException(Source, null, "files", "a file has an empty name");
        if (name.Contains('\\') || name.Contains('\0') || name.Contains(':') || name.StartsWith('/') || Path.IsPathRooted(name))
            throw new QuakeGridInputException(Source, $"file '{name}'", "name", "file names must be relative paths with forward slashes");
        foreach (var part in name.Split('/'))
            if (part.Length == 0 || part == "." || part == "..")
                throw new QuakeGridInputException(Source, $"file '{name}'", "name", "file names must not contain empty, '.' or '..' segments");
    }

    /// <summary>The folder the bundle was written to, from the path its job file was read at.</summary>
    internal static string RootOf(string jobPath, string jobFileName)
    {
        var relative = jobFileName.Replace('/', Path.DirectorySeparatorChar);
        return jobPath.EndsWith(Path.DirectorySeparatorChar + relative, StringComparison.Ordinal)
            ? jobPath[..^(relative.Length + 1)]
            : Path.GetDirectoryName(jobPath)!;
    }

    /// <summary>The same error with the temporary folder replaced by the bundle-relative path.</summary>
    internal static QuakeGridInputException Rebase(QuakeGridInputException e, string root)
    {
        var prefix = root + Path.DirectorySeparatorChar;
        string Strip(string s) => s.Replace(prefix, "", StringComparison.Ordinal).Replace(root, Source, StringComparison.Ordinal);
        return new QuakeGridInputException(Strip(e.Source), e.Record is null ? null : Strip(e.Record), e.Field, Strip(e.Problem));
    }
}
