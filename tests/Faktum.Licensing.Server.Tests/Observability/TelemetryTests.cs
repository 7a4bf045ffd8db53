using System.Diagnostics;
using System.Net;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Faktum.Licensing.Server.Tests.Observability;

public sealed class TelemetryTests
{
    private const string CompanyName = "Telemetrie Proefbedrijf B.V.";
    private const string Postcode = "9876 ZX";
    private const string InstallationId = "install-telemetry-01";

    [Fact]
    public async Task A_register_confirm_and_startup_flow_is_counted_with_outcome_labels_and_no_personal_data()
    {
        var metrics = new List<MetricSnapshot>();
        var activities = new List<Activity>();
        await using var server = await ServerFixture.StartAsync(services: s =>
        {
            s.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(metrics));
            s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(activities));
        });
        var email = $"telemetrie-{Guid.NewGuid():N}@example.nl";

        using (var registered = await server.PostAsync("/v1/registrations", ServerFixture.Registration(email, CompanyName, Postcode, InstallationId)))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var password = server.ReadOneTimePassword(email);
        var license = await server.ConfirmAsync(email, password, InstallationId);
        await server.StartupAsync(license.License);
        var licenseId = await server.WithDbAsync(db => db.Licenses.Where(l => l.Company!.Account!.Email == email).Select(l => l.Id).SingleAsync());

        Assert.True(server.Server.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(server.Server.Services.GetRequiredService<TracerProvider>().ForceFlush());
        List<MetricSnapshot> exported;
        List<Activity> traced;
        lock (metrics)
        {
            exported = [.. metrics];
        }

        lock (activities)
        {
            traced = [.. activities];
        }

        Assert.True(Sum(exported, "faktum.registrations", ("outcome", "accepted")) >= 1);
        Assert.True(Sum(exported, "faktum.confirmations", ("outcome", "confirmed")) >= 1);
        Assert.True(Sum(exported, "faktum.startup.checks", ("verdict", "trial"), ("update", "uptodate")) >= 1);
        Assert.Contains(exported, m => m.Name == "http.server.request.duration");
        Assert.Contains(exported, m => m.Name == "faktum.outbox.depth");
        Assert.Contains(exported, m => m.Name == "faktum.outbox.oldest_age");
        Assert.Contains(traced, a => a.DisplayName == "POST /v1/startup" && (string?)a.GetTagItem("faktum.verdict") == "trial");
        Assert.Contains(traced, a => a.DisplayName == "POST /v1/confirmations" && (string?)a.GetTagItem("faktum.outcome") == "confirmed");

        string[] secrets = [CompanyName, email, Postcode, Postcode.Replace(" ", "", StringComparison.Ordinal), license.License, licenseId, password, "Jan Jansen", "127.0.0.1"];
        var texts = exported.SelectMany(LabelTexts).Concat(traced.SelectMany(ActivityTexts)).ToList();
        Assert.NotEmpty(texts);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_prometheus_scrape_endpoint_is_off_by_default_and_serves_the_counters_when_turned_on()
    {
        await using (var off = await ServerFixture.StartAsync())
        {
            using var response = await off.Http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await using var server = await ServerFixture.StartAsync(configure: c => c["FaktumServer:Observability:PrometheusScrapeEndpoint"] = "true");
        var email = $"prometheus-{Guid.NewGuid():N}@example.nl";
        await server.RegisterAndConfirmAsync(email, name: CompanyName, postcode: Postcode);

        string text = "";
        await ServerFixture.WaitUntilAsync(async () =>
        {
            text = await server.Http.GetStringAsync("/metrics");
            return text.Contains("faktum_confirmations_total", StringComparison.Ordinal);
        }, "the confirmation counter in the scrape");
        Assert.Contains("outcome=\"confirmed\"", text, StringComparison.Ordinal);
        Assert.Contains("faktum_registrations_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CompanyName, text, StringComparison.OrdinalIgnoreCase);
    }

    private static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, string Value)[] labels)
    {
        long sum = 0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if (labels.All(l => tags.TryGetValue(l.Key, out var value) && (value as string) == l.Value))
                {
                    sum = Math.Max(sum, point.GetSumLong());
                }
            }
        }

        return sum;
    }

    private static IEnumerable<string> LabelTexts(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{tag.Key}={tag.Value}";
            }
        }
    }

    private static IEnumerable<string> ActivityTexts(Activity activity)
    {
        yield return activity.DisplayName;
        yield return activity.OperationName;
        foreach (var tag in activity.TagObjects)
        {
            yield return $"{tag.Key}={tag.Value}";
        }

        foreach (var item in activity.Baggage)
        {
            yield return $"{item.Key}={item.Value}";
        }

        foreach (var e in activity.Events)
        {
            yield return e.Name;
            foreach (var tag in e.Tags)
            {
                yield return $"{tag.Key}={tag.Value}";
            }
        }
    }
}
