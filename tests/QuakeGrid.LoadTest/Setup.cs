using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using QuakeGrid.Http.Tests.Support;

namespace QuakeGrid.LoadTest;

/// <summary>Prepares the silo for a run and lists the query URLs: a finished hazard job, or the Türkiye 2023 event with its stations.</summary>
public static class Setup
{
    private static string Data => Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>Submits the 36-site event-based test job, waits for it, and returns hazard queries jittered around its sites.</summary>
    public static async Task<string[]> HazardAsync(HttpClient http, int points, Random random)
    {
        string[] names = ["job.ini", "source_model.xml", "source_model_logic_tree.xml", "gsim_logic_tree.xml"];
        var files = names.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(Data, "hazardjob", f)));
        var post = await http.PostAsJsonAsync("/v1/jobs", new { jobFile = "job.ini", files });
        var text = await post.Content.ReadAsStringAsync();
        if (!post.IsSuccessStatusCode) throw new InvalidOperationException($"job submission failed: {(int)post.StatusCode} {text}");
        var jobId = JsonDocument.Parse(text).RootElement.GetProperty("jobId").GetString()!;
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var status = JsonDocument.Parse(await http.GetStringAsync($"/v1/jobs/{jobId}")).RootElement;
            var state = status.GetProperty("state").GetString();
            if (state == "Completed") break;
            if (state == "Failed" || DateTime.UtcNow > deadline) throw new InvalidOperationException($"job {jobId}: {status}");
            await Task.Delay(500);
        }
        Console.WriteLine($"job {jobId} completed");
        // The job's 6 x 6 grid: lon -122.10..-121.90, lat 38.00..38.20 at 0.04 degrees; points within 1 km of a site.
        return Enumerable.Range(0, points).Select(_ =>
        {
            var lon = -122.10 + 0.04 * random.Next(6) + (random.NextDouble() - 0.5) * 0.02;
            var lat = 38.00 + 0.04 * random.Next(6) + (random.NextDouble() - 0.5) * 0.02;
            return string.Create(CultureInfo.InvariantCulture, $"/v1/jobs/{jobId}/sites/hazard?lon={lon:F4}&lat={lat:F4}&returnPeriods=475,2475");
        }).ToArray();
    }

    /// <summary>Defines the Türkiye 2023 event, ingests its ShakeMap stationlist, and returns shaking queries in the station region.</summary>
    public static async Task<string[]> ShakingAsync(HttpClient http, int points, Random random)
    {
        const string id = "loadtest-tr2023";
        var put = await http.PutAsJsonAsync($"/v1/events/{id}", Turkey2023.EventBody(50));
        if (!put.IsSuccessStatusCode) throw new InvalidOperationException($"event definition failed: {await put.Content.ReadAsStringAsync()}");
        var summary = JsonDocument.Parse(await http.GetStringAsync($"/v1/events/{id}")).RootElement;
        if (summary.GetProperty("stationCount").GetInt32() == 0)
        {
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Turkey2023.StationListPath));
            content.Headers.ContentType = new("application/json");
            var post = await http.PostAsync($"/v1/events/{id}/stations", content);
            if (!post.IsSuccessStatusCode) throw new InvalidOperationException($"ingestion failed: {await post.Content.ReadAsStringAsync()}");
        }
        return Enumerable.Range(0, points).Select(_ =>
        {
            var lon = 36.0 + 2.5 * random.NextDouble();
            var lat = 36.2 + 2.0 * random.NextDouble();
            return string.Create(CultureInfo.InvariantCulture, $"/v1/events/{id}/sites/shaking?lon={lon:F4}&lat={lat:F4}&imt=PGA");
        }).ToArray();
    }
}
