using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QuakeGrid.Http.Tests.Support;

/// <summary>Submits a job over HTTP as a JSON bundle (<c>POST /v1/jobs</c>), as a client would.</summary>
public static class JobSubmission
{
    /// <summary>
    /// Posts the files <paramref name="files"/> of <paramref name="folder"/> with <c>job.ini</c> as the job file (and the
    /// job options <paramref name="options"/>, if any), asserts 202 Accepted, and returns the response and the job id.
    /// </summary>
    public static async Task<(HttpResponseMessage Post, string JobId)> SubmitBundleAsync(this SiloServer silo, string folder,
        IEnumerable<string> files, object? options = null)
    {
        var contents = files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(folder, f)));
        var post = options is null
            ? await silo.Http.PostAsJsonAsync("/v1/jobs", new { jobFile = "job.ini", files = contents })
            : await silo.Http.PostAsJsonAsync("/v1/jobs", new { jobFile = "job.ini", files = contents, options });
        var text = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.Accepted, text);
        return (post, JsonDocument.Parse(text).RootElement.GetProperty("jobId").GetString()!);
    }
}
