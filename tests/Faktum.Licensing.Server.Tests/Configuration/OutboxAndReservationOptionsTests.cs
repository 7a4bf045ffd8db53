using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Faktum.Licensing.Server.Tests.Configuration;

public sealed class OutboxAndReservationOptionsTests
{
    [Theory]
    [InlineData("FaktumServer:Email:Outbox:MaxAttempts", "0", "FaktumServer:Email:Outbox:MaxAttempts")]
    [InlineData("FaktumServer:Email:Outbox:RetryDelay", "00:00:00", "FaktumServer:Email:Outbox:RetryDelay")]
    [InlineData("FaktumServer:Email:Outbox:PollInterval", "02:00:00", "FaktumServer:Email:Outbox:PollInterval")]
    [InlineData("FaktumServer:Email:Outbox:Retention", "00:01:00", "FaktumServer:Email:Outbox:Retention")]
    public async Task An_out_of_range_value_refuses_to_start_and_names_the_setting(string key, string value, string named)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerFixture.StartAsync(configure: c => c[key] = value));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }
}
