namespace Faktum.Licensing.Server.Admin;

/// <summary>POST /v1/admin/releases/{releaseId}/rollout: the server's own percentage (0 pauses; never above the signed one).</summary>
internal sealed record AdminRolloutRequest(int Percentage);
