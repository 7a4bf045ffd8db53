namespace Faktum.Licensing.Server.Storage;

internal enum LicenseRecordStatus
{
    Pending,
    Active,
    Suspended,
    Revoked,
}
