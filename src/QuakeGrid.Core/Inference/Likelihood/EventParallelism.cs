namespace QuakeGrid.Core.Inference.Likelihood;

/// <summary>
/// Ambient switch, per thread, that makes <see cref="PooledLikelihood"/> evaluate its events on the calling thread
/// instead of in parallel. Set by callers that already run enough independent work in parallel (NUTS with at least as
/// many chains as cores): nested fork/join then only adds synchronisation and spinning. Results do not depend on it
/// (per-event results are summed in ascending event-id order either way).
/// </summary>
public static class EventParallelism
{
    [ThreadStatic] private static bool _serial;

    /// <summary>True while a <see cref="Serial"/> scope is open on this thread.</summary>
    public static bool IsSerial => _serial;

    /// <summary>Evaluates events serially on this thread until the returned scope is disposed.</summary>
    public static IDisposable Serial()
    {
        var previous = _serial;
        _serial = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            _serial = previous;
        }
    }
}
