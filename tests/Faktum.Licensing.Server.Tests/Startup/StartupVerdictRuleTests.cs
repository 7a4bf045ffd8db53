using Faktum.Licensing.Protocol;
using Faktum.Licensing.Server.Startup;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Tests.Startup;

/// <summary>The start-up verdict as a pure rule over a stored license and a binding, without HTTP or a database.</summary>
public sealed class StartupVerdictRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, int?, bool, bool, string, int?> Cases => new()
    {
        // (case, status, kind, end in hours from now, bound, released, verdict, trial days left)
        { "revoked wins over everything", "Revoked", "Paid", null, true, true, "Revoked", null },
        { "suspended without a binding", "Suspended", "Trial", 24, false, false, "Suspended", null },
        { "pending is unknown", "Pending", "Trial", null, true, false, "Unknown", null },
        { "active without a binding is unknown", "Active", "Paid", null, false, false, "Unknown", null },
        { "a released binding is moved", "Active", "Paid", null, true, true, "Moved", null },
        { "paid without an end", "Active", "Paid", null, true, false, "Licensed", null },
        { "paid ending later", "Active", "Paid", 1, true, false, "Licensed", null },
        { "paid ending now has ended", "Active", "Paid", 0, true, false, "Expired", null },
        { "trial with half a day left counts a day", "Active", "Trial", 12, true, false, "Trial", 1 },
        { "trial with 30 days left", "Active", "Trial", 30 * 24, true, false, "Trial", 30 },
        { "trial ending now has expired", "Active", "Trial", 0, true, false, "TrialExpired", null },
        { "trial without an end has expired", "Active", "Trial", null, true, false, "TrialExpired", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_verdict_follows_status_binding_and_end(
        string @case, string statusName, string kindName, int? endInHours, bool bound, bool released, string verdictName, int? daysLeft)
    {
        var status = Enum.Parse<LicenseRecordStatus>(statusName);
        var kind = Enum.Parse<StoredLicenseKind>(kindName);
        var verdict = Enum.Parse<LicenseVerdict>(verdictName);
        DateTimeOffset? end = endInHours is { } hours ? Now.AddHours(hours) : null;
        var license = new License
        {
            Id = "lic_1",
            CompanyId = "cmp_1",
            Product = "faktum-factuur",
            Kind = kind,
            Status = status,
            TrialEndsAt = kind == StoredLicenseKind.Trial ? end : null,
            LicenseEndsAt = kind == StoredLicenseKind.Paid ? end : null,
            InstallationLimit = 1,
            CreatedAt = Now.AddDays(-1),
        };
        var binding = bound
            ? new Installation { Id = "ins_1", LicenseId = "lic_1", InstallationId = "install-one-0001", BoundAt = Now.AddDays(-1), ReleasedAt = released ? Now.AddHours(-1) : null }
            : null;

        var result = StartupVerdict.Of(license, binding, Now);

        Assert.True(new StartupVerdict(verdict, daysLeft) == result, $"{@case}: {result}");
    }
}
