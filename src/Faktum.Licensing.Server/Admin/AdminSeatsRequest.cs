namespace Faktum.Licensing.Server.Admin;

/// <summary>POST /v1/admin/licenses/{id}/seats.</summary>
internal sealed record AdminSeatsRequest(int Seats);
