using Orleans.Runtime;

namespace QuakeGrid.Silo;

/// <summary><c>GET /health</c>: 200 with the silo address once this silo is an active cluster member, 503 before or after.</summary>
public static class SiloHealth
{
    /// <summary>Reports this silo's membership status.</summary>
    public static IResult Get(ILocalSiloDetails local, IClusterMembershipService membership)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        var body = new { silo = local.SiloAddress.ToString(), cluster = local.ClusterId, status = status.ToString() };
        return status == SiloStatus.Active ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
