using QuakeGrid.Contracts.Events;
using QuakeGrid.Contracts.Sites;

namespace QuakeGrid.Client.Conditioning;

/// <summary>
/// The outcome of <see cref="EventConditioningClient.RunAsync"/>: the event id the stations were ingested under (its grains
/// keep answering <c>GET /v1/events/{id}/sites/shaking</c> on a real cluster), the event after ingestion (between-event
/// posterior), and one site-grain answer per target, in target order.
/// </summary>
public sealed record EventConditioningResult(string EventId, EventSummary Event, SiteShaking[] Sites);
