using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Tests.Configuration;

public sealed class OutboxAndReservationOptionsTests
{
    [Theory]
    [InlineData("FaktumServer:UnconfirmedRegistrationLifetime", "00:10:00", "FaktumServer:UnconfirmedRegistrationLifetime")]
    [InlineData("FaktumServer:UnconfirmedRegistrationLifetime", "400.00:00:00", "FaktumServer:UnconfirmedRegistrationLifetime")]
    [InlineData("FaktumServer:Email:Outbox:MaxAttempts", "0", "FaktumServer:Email:Outbox:MaxAttempts")]
    [InlineData("FaktumServer:Email:Outbox:RetryDelay", "00:00:00", "FaktumServer:Email:Outbox:RetryDelay")]
    [InlineData("FaktumServer:Email:Outbox:PollInterval", "02:00:00", "FaktumServer:Email:Outbox:PollInterval")]
    [InlineData("FaktumServer:Email:Outbox:Retention", "00:01:00", "FaktumServer:Email:Outbox:Retention")]
    [InlineData("FaktumServer:Retention:Interval", "00:00:10", "FaktumServer:Retention:Interval")]
    [InlineData("FaktumServer:Retention:UnconfirmedRegistrations", "6.00:00:00", "FaktumServer:Retention:UnconfirmedRegistrations")]
    public async Task An_out_of_range_value_refuses_to_start_and_names_the_setting(string key, string value, string named)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerFixture.StartAsync(configure: c => c[key] = value));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reservation_may_be_as_short_as_the_one_time_password_lifetime()
    {
        await using var server = await ServerFixture.StartAsync(configure: c =>
        {
            c["FaktumServer:OneTimePasswordLifetime"] = "00:15:00";
            c["FaktumServer:UnconfirmedRegistrationLifetime"] = "00:15:00";
        });

        Assert.Equal(TimeSpan.FromMinutes(15), server.Server.Services.GetRequiredService<IOptions<Faktum.Licensing.Server.Configuration.FaktumServerOptions>>().Value.UnconfirmedRegistrationLifetime);
    }
}
