using QuakeGrid.Core.Random;

namespace QuakeGrid.Core.Inference.Scoring;

/// <summary>
/// Leave-events-out cross-validation folds fixed by seed: event ids are sorted, shuffled by Fisher–Yates with the
/// stream <c>SeedDerivation.Derive(seed, 0, "cv-folds")</c>, and dealt round-robin into k folds.
/// </summary>
public static class EventFolds
{
    /// <summary>Fold index (0..k−1) of each event id.</summary>
    public static IReadOnlyDictionary<long, int> Assign(IEnumerable<long> eventIds, int k, ulong seed)
    {
        if (k < 2) throw new ArgumentOutOfRangeException(nameof(k), k, "need at least 2 folds");
        var ids = eventIds.Distinct().OrderBy(x => x).ToArray();
        if (ids.Length < k) throw new ArgumentException($"{ids.Length} events cannot fill {k} folds");
        var rng = Xoshiro256StarStar.ForStream(seed, 0, "cv-folds");
        for (var i = ids.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        var map = new Dictionary<long, int>();
        for (var i = 0; i < ids.Length; i++) map[ids[i]] = i % k;
        return map;
    }
}
