namespace QuakeGrid.Silo.Http;

/// <summary>A request body above the endpoint's cap (answered 413).</summary>
public sealed class RequestTooLargeException(long limitBytes)
    : Exception($"the request body exceeds the limit of {limitBytes:N0} bytes")
{
    /// <summary>The cap, bytes.</summary>
    public long LimitBytes { get; } = limitBytes;
}
