using QuakeGrid.Core.Gmm;

namespace QuakeGrid.Client;

/// <summary>Result of a scenario job: ln median, Tau, Phi and Sigma as [imt][site], sites in input order.</summary>
public sealed record ScenarioResult(string JobId, GmmResult Values);
