using Faktum.Licensing.Server.Startup;
using Faktum.Licensing.Server.Storage;

namespace Faktum.Licensing.Server.Tests.Startup;

public sealed class BindingPreferenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_active_binding_is_preferred_over_a_newer_released_one_in_either_order()
    {
        var active = Binding(boundDaysLater: 0, releasedDaysLater: null);
        var released = Binding(boundDaysLater: 5, releasedDaysLater: 6);

        Assert.Same(active, StartupCheckService.Preferred(active, released));
        Assert.Same(active, StartupCheckService.Preferred(released, active));
    }

    [Fact]
    public void Of_two_released_bindings_the_newest_is_preferred_in_either_order()
    {
        var older = Binding(boundDaysLater: 0, releasedDaysLater: 1);
        var newer = Binding(boundDaysLater: 2, releasedDaysLater: 3);

        Assert.Same(newer, StartupCheckService.Preferred(older, newer));
        Assert.Same(newer, StartupCheckService.Preferred(newer, older));
    }

    [Fact]
    public void No_binding_yields_the_other_and_none_yields_none()
    {
        var binding = Binding(boundDaysLater: 0, releasedDaysLater: null);

        Assert.Same(binding, StartupCheckService.Preferred(null, binding));
        Assert.Same(binding, StartupCheckService.Preferred(binding, null));
        Assert.Null(StartupCheckService.Preferred(null, null));
    }

    private static Installation Binding(int boundDaysLater, int? releasedDaysLater) => new()
    {
        Id = Ids.New("ins"),
        LicenseId = "lic_1",
        InstallationId = "install-one-0001",
        BoundAt = Start.AddDays(boundDaysLater),
        ReleasedAt = releasedDaysLater is { } days ? Start.AddDays(days) : null,
    };
}
