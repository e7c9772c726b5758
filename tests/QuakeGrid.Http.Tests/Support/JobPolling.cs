using System.Text.Json;

namespace QuakeGrid.Http.Tests.Support;

/// <summary>Polls <c>GET /v1/jobs/{id}</c> over HTTP, as a client would, until the job has ended.</summary>
public static class JobPolling
{
    /// <summary>
    /// The job's status document once its state is Completed or Failed, or the last one seen when
    /// <paramref name="timeout"/> (default 60 s) runs out; polls every 200 ms.
    /// </summary>
    public static async Task<JsonElement> WaitForEndAsync(this SiloServer silo, string jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonElement status;
        do
        {
            status = JsonDocument.Parse(await silo.Http.GetStringAsync($"/v1/jobs/{jobId}")).RootElement;
            if (status.GetProperty("state").GetString() is "Completed" or "Failed") break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        return status;
    }
}
