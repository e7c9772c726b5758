namespace QuakeGrid.Cli.Scenario;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread (no queued callbacks after the job ends).</summary>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
