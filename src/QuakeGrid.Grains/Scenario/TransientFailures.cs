using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.Scenario;

/// <summary>
/// Tells failures worth retrying (a silo went away, a message was rejected or timed out) from failures that would
/// repeat (bad input, a region without sites).
/// </summary>
public static class TransientFailures
{
    /// <summary>True when a retry may succeed.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        QuakeGridInputException or ArgumentException or FormatException or InvalidOperationException => false,
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        OrleansException => true,
        AggregateException { InnerExceptions.Count: 1 } a => IsTransient(a.InnerExceptions[0]),
        _ => false,
    };
}
