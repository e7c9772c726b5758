using QuakeGrid.Contracts.Hazard;
using QuakeGrid.Core.Hazard.Classical;
using QuakeGrid.Core.Hazard.EventBased;
using QuakeGrid.Core.IO.Job;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Grains.HazardJob;

/// <summary>
/// Per-silo cache of prepared hazard jobs, classical or event-based (a singleton service): the plan is deterministic, so each silo prepares a job once,
/// however many of its region grains live there, and concurrent requests share one preparation. Keyed by job id and
/// bundle fingerprint; keeps the <see cref="Capacity"/> most recently used jobs.
/// </summary>
public sealed class HazardPlanCache
{
    /// <summary>Most prepared jobs kept per silo.</summary>
    public const int Capacity = 4;

    private readonly object _gate = new();
    private readonly LinkedList<(string Key, Lazy<Task<PreparedHazardJob>> Value)> _entries = new();

    /// <summary>Preparations started by this cache (cache misses), for monitoring and tests.</summary>
    public int Preparations { get; private set; }

    /// <summary>The prepared job for <paramref name="definition"/>, prepared on the thread pool at the first request.</summary>
    public Task<PreparedHazardJob> GetAsync(HazardJobDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var key = definition.JobId + "\n" + definition.Fingerprint;
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Value.Value;
                }
            var lazy = new Lazy<Task<PreparedHazardJob>>(() => Task.Run(() => Prepare(definition)));
            _entries.AddFirst((key, lazy));
            while (_entries.Count > Capacity) _entries.RemoveLast();
            Preparations++;
            var task = lazy.Value;
            // A failed preparation is not cached: a later request tries again (the error may have been transient).
            _ = task.ContinueWith(_ => Forget(key), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }
    }

    /// <summary>The job's preparation when this silo has it (done or under way), else null.</summary>
    public Task<PreparedHazardJob>? TryGet(string jobId, string fingerprint)
    {
        var key = jobId + "\n" + fingerprint;
        lock (_gate)
            for (var node = _entries.First; node is not null; node = node.Next)
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Value.Value;
                }
        return null;
    }

    /// <summary>Drops every entry of <paramref name="jobId"/>.</summary>
    public void Remove(string jobId)
    {
        lock (_gate)
            for (var node = _entries.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Key.StartsWith(jobId + "\n", StringComparison.Ordinal)) _entries.Remove(node);
                node = next;
            }
    }

    private void Forget(string key)
    {
        lock (_gate)
            for (var node = _entries.First; node is not null; node = node.Next)
                if (node.Value.Key == key) { _entries.Remove(node); return; }
    }

    /// <summary>
    /// Reads the bundle and prepares the plan of its calculation mode (Core's <see cref="ClassicalPlan"/> or
    /// <see cref="EventBasedPlan"/>); checks the options are sane.
    /// </summary>
    public static PreparedHazardJob Prepare(HazardJobDefinition definition)
    {
        HazardJobOptionsValidator.Validate(definition.Options);
        var (job, model) = JobBundleReader.Read(definition.Bundle);
        try
        {
            return job.Mode == CalculationMode.Classical
                ? new PreparedHazardJob(definition.JobId, definition.Fingerprint, job, ClassicalPlan.Prepare(job, model), definition.Options)
                : new PreparedHazardJob(definition.JobId, definition.Fingerprint, job, EventBasedPlan.Prepare(job, model), definition.Options);
        }
        catch (QuakeGridInputException e)
        {
            // The plan's errors name the job file in the (deleted) temporary folder: name the bundle path instead.
            throw JobBundleReader.Rebase(e, JobBundleReader.RootOf(job.Path, definition.Bundle.JobFileName));
        }
    }
}
