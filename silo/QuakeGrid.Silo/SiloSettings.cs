namespace QuakeGrid.Silo;

/// <summary>
/// Silo configuration, section <c>QuakeGrid</c> of appsettings.json, overridable by environment variables
/// (<c>QuakeGrid__Redis</c>, <c>QuakeGrid__SiloPort</c>, ...).
/// </summary>
public sealed class SiloSettings
{
    /// <summary>StackExchange.Redis connection string for clustering and grain storage.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";
    /// <summary>Orleans cluster id; silos and clients of one cluster share it.</summary>
    public string ClusterId { get; set; } = "quakegrid";
    /// <summary>Orleans service id; grain storage keys are scoped by it.</summary>
    public string ServiceId { get; set; } = "quakegrid";
    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;
    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;
    /// <summary>HTTP port of the health endpoint.</summary>
    public int HttpPort { get; set; } = 8080;
    /// <summary>IP address advertised to other silos and clients; <c>auto</c> takes the host's first IPv4 address.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";
    /// <summary>Listen on every interface (containers) instead of the advertised address only.</summary>
    public bool ListenOnAnyAddress { get; set; }
    /// <summary>Membership probe timeout in seconds (failure detection of a dead silo).</summary>
    public double ProbeTimeoutSeconds { get; set; } = 5;
    /// <summary>Missed probes before a silo is suspected.</summary>
    public int MissedProbesLimit { get; set; } = 3;
    /// <summary>Folder under which <c>POST /v1/jobs</c> may read job files named by <c>serverPath</c>; null disables it.</summary>
    public string? JobFilesRoot { get; set; }
    /// <summary>
    /// Run under Kubernetes (<c>Microsoft.Orleans.Hosting.Kubernetes</c>): silo name, advertised IP, cluster and service
    /// ids come from the pod (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID), the silo listens
    /// on every address, and silos whose pods are gone are declared dead early. Membership stays in Redis.
    /// </summary>
    public bool KubernetesHosting { get; set; }
    /// <summary>Suspicion votes needed to declare a silo dead.</summary>
    public int VotesForDeathDeclaration { get; set; } = 2;
}
