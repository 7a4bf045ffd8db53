using Faktum.Licensing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Faktum.Licensing.Tests.Registration;

public class ArgumentTests
{
    [Fact]
    public async Task Null_arguments_are_programmer_errors_and_throw()
    {
        using var host = new LicensingTestHost();

        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Licensing.RegisterCompanyAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Licensing.RequestOneTimePasswordAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Licensing.ConfirmAsync("a@b.example", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Licensing.CorrectCompanyAsync(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddFaktumLicensing((Action<FaktumLicensingOptions>)null!));
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Ensure_success_throws_with_the_failure()
    {
        using var host = new LicensingTestHost();

        var result = await host.Licensing.ConfirmAsync("a@b.example", "000000");

        var exception = Assert.Throws<InvalidOperationException>(() => result.EnsureSuccess());
        Assert.Contains(nameof(LicensingFailure.OneTimePasswordInvalid), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_throws()
    {
        using var host = new LicensingTestHost();
        await host.RegisterAndConfirmAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Licensing.CheckAsync(cancelled.Token));
    }
}
