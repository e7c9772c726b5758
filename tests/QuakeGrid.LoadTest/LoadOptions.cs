using System.Globalization;

namespace QuakeGrid.LoadTest;

/// <summary>
/// Command line: <c>--url http://127.0.0.1:8090 --mode hazard|shaking|health --clients 200 --duration 60 --warmup 5 --points 400 --seed 1 --rate 0</c>.
/// <c>--rate</c>: requests per second per client on a fixed schedule (open loop; latency is measured from the scheduled
/// start, so a client that falls behind counts its queueing, as wrk2 does); 0 sends back to back (closed loop).
/// </summary>
public sealed record LoadOptions(Uri Url, string Mode, int Clients, double DurationSeconds, double WarmupSeconds, int Points, int Seed, double Rate)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"expected --name value pairs, got '{args[i]}'");
            map[args[i][2..]] = args[++i];
        }
        string Get(string name, string fallback) => map.Remove(name, out var v) ? v : fallback;
        double Num(string name, double fallback) => double.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var o = new LoadOptions(new Uri(Get("url", "http://127.0.0.1:8090")), Get("mode", "hazard"), (int)Num("clients", 200), Num("duration", 60),
            Num("warmup", 5), (int)Num("points", 400), (int)Num("seed", 1), Num("rate", 0));
        if (map.Count > 0) throw new ArgumentException($"unknown option(s): {string.Join(", ", map.Keys.Select(k => "--" + k))}");
        if (o.Mode is not ("hazard" or "shaking" or "health")) throw new ArgumentException($"--mode {o.Mode}: expected hazard, shaking or health");
        if (o.Clients < 1 || o.DurationSeconds <= 0 || o.Points < 1 || o.Rate < 0) throw new ArgumentException("--clients, --duration and --points must be positive, --rate >= 0");
        return o;
    }
}
