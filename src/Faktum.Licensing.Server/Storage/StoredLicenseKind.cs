namespace Faktum.Licensing.Server.Storage;

internal enum StoredLicenseKind
{
    Trial,
    Paid,
}
