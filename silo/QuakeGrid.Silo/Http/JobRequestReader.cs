using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QuakeGrid.Client;
using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Silo.Http;

/// <summary>A hazard job request: its id (given, or derived from the bundle), the bundle and the options.</summary>
public sealed record JobRequest(string JobId, JobBundle Bundle, HazardJobOptions Options);

/// <summary>
/// Reads the body of <c>POST /v1/jobs</c>:
/// <list type="bullet">
/// <item>JSON <c>{ "id"?, "jobFile": "job.ini", "files": { "job.ini": "...", "source_model.xml": "..." }, "options"? }</c>;</item>
/// <item>JSON <c>{ "id"?, "serverPath": "case_1/job.ini", "options"? }</c>: a job on the server under the configured
/// <c>QuakeGrid:JobFilesRoot</c>, packed with the client's <see cref="JobBundles.FromJobFile"/>;</item>
/// <item><c>multipart/form-data</c>: every file part is a bundle file named by its file name (or form name), form field
/// <c>jobFile</c> names the job.ini (default <c>job.ini</c>), optional fields <c>id</c>, <c>tileSize</c>, <c>rupturesPerBatch</c>,
/// <c>maxConcurrentBatches</c>.</item>
/// </list>
/// Without an id the job id is <c>job-</c> and the first 16 hex digits of the SHA-256 of the bundle, so resubmitting the
/// same files finds the same job. <c>options</c> holds <c>tileSize</c>, <c>rupturesPerBatch</c> and <c>maxConcurrentBatches</c>.
/// </summary>
public static class JobRequestReader
{
    /// <summary>The request in <paramref name="request"/>.</summary>
    public static async Task<JobRequest> ReadAsync(HttpRequest request, string? serverRoot, CancellationToken ct)
    {
        const string source = "POST /v1/jobs";
        if (request.HasFormContentType)
        {
            if (request.ContentLength is { } n && n > RequestBody.MaxJobBytes) throw new RequestTooLargeException(RequestBody.MaxJobBytes);
            var form = await request.ReadFormAsync(ct);
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var f in form.Files)
            {
                var name = string.IsNullOrWhiteSpace(f.FileName) ? f.Name : f.FileName;
                using var reader = new StreamReader(f.OpenReadStream(), Encoding.UTF8);
                if (!files.TryAdd(name, await reader.ReadToEndAsync(ct))) throw new QuakeGridInputException(source, name, "files", "the file is given twice");
            }
            var jobFile = form["jobFile"].FirstOrDefault() ?? "job.ini";
            var options = new HazardJobOptions(FormInt(form, "tileSize", HazardJobOptions.DefaultTileSize), FormInt(form, "rupturesPerBatch", 0), FormInt(form, "maxConcurrentBatches", 0));
            return Make(form["id"].FirstOrDefault(), new JobBundle(jobFile, files), options, source);
        }
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxJobBytes, ct);
        using var doc = RequestBody.ParseJson(body, source);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new QuakeGridInputException(source, null, null, "the body must be a JSON object");
        Json.OnlyMembers(root, source, "", "id", "jobFile", "files", "serverPath", "options");
        var id = Json.Text(root, "id", source, "");
        var opts = Options(root, source);
        var serverPath = Json.Text(root, "serverPath", source, "");
        if (serverPath is not null)
        {
            if (Json.TryGet(root, "files", out _)) throw new QuakeGridInputException(source, null, "serverPath", "give either files or serverPath, not both");
            return Make(id, FromServer(serverPath, serverRoot, source), opts, source);
        }
        var job = Json.Text(root, "jobFile", source, "") ?? throw new QuakeGridInputException(source, null, "jobFile", "missing (or give serverPath)");
        var filesEl = Json.Required(root, "files", source, "");
        if (filesEl.ValueKind != JsonValueKind.Object) throw new QuakeGridInputException(source, null, "files", "must be an object of path: text");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in filesEl.EnumerateObject())
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new QuakeGridInputException(source, p.Name, "files." + p.Name, "must be the file's text");
        return Make(id, new JobBundle(job, map), opts, source);
    }

    private static JobBundle FromServer(string path, string? root, string source)
    {
        if (string.IsNullOrWhiteSpace(root)) throw new QuakeGridInputException(source, null, "serverPath", "this silo has no QuakeGrid:JobFilesRoot configured; upload the files instead");
        var full = Path.GetFullPath(Path.Combine(root, path));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(path) || !full.StartsWith(rootFull, StringComparison.Ordinal))
            throw new QuakeGridInputException(source, path, "serverPath", "must be a relative path inside the server's job folder");
        if (!File.Exists(full)) throw new QuakeGridInputException(source, path, "serverPath", "no such job file on the server");
        var bundle = JobBundles.FromJobFile(full, confineTo: rootFull);
        var total = bundle.Files.Sum(f => (long)f.Value.Length);
        if (total > HazardJobLimits.MaxBundleChars) throw new QuakeGridInputException(source, path, "serverPath", $"the job's files hold {total:N0} characters; at most {HazardJobLimits.MaxBundleChars:N0}");
        return bundle;
    }

    private static HazardJobOptions Options(JsonElement root, string source)
    {
        if (!Json.TryGet(root, "options", out var o)) return new HazardJobOptions();
        Json.OnlyMembers(o, source, "options", "tileSize", "rupturesPerBatch", "maxConcurrentBatches");
        int Int(string name, int fallback)
        {
            var v = Json.Number(o, name, source, "options");
            if (double.IsNaN(v)) return fallback;
            if (v != Math.Floor(v) || v < 0 || v > int.MaxValue) throw new QuakeGridInputException(source, null, "options." + name, $"{v} is not a whole number >= 0");
            return (int)v;
        }
        return new HazardJobOptions(Int("tileSize", HazardJobOptions.DefaultTileSize), Int("rupturesPerBatch", 0), Int("maxConcurrentBatches", 0));
    }

    private static int FormInt(IFormCollection form, string name, int fallback)
    {
        var text = form[name].FirstOrDefault();
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v : throw new QuakeGridInputException("POST /v1/jobs", null, name, $"'{text}' is not a whole number >= 0");
    }

    private static JobRequest Make(string? id, JobBundle bundle, HazardJobOptions options, string source)
    {
        if (bundle.Files.Count == 0) throw new QuakeGridInputException(source, null, "files", "no file was given");
        if (!bundle.Files.ContainsKey(bundle.JobFileName)) throw new QuakeGridInputException(source, bundle.JobFileName, "jobFile", "the job file is not among the files");
        if (id is null)
        {
            var sb = new StringBuilder(bundle.JobFileName).Append('\0');
            foreach (var (k, v) in bundle.Files.OrderBy(f => f.Key, StringComparer.Ordinal)) sb.Append(k).Append('\0').Append(v).Append('\0');
            id = "job-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
        }
        return new JobRequest(RouteIds.Check(id, "job"), bundle, options);
    }
}
