namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>The rollout whose weight the router should run: the one started last, whatever its status.</summary>
public sealed record RolloutOfRecord(Guid Id, string Service, string BaselineVersion, string CandidateVersion, string Status);
