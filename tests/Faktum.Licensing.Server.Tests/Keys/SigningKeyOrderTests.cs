using Faktum.Licensing.Server.Keys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace Faktum.Licensing.Server.Tests.Keys;

public sealed class SigningKeyOrderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faktum-server-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Of_two_keys_with_the_same_file_time_the_greater_kid_signs_whatever_order_the_files_are_listed_in()
    {
        var (a, aPath) = SigningKeyRing.Generate(Path.Combine(_root, "a"));
        var (b, bPath) = SigningKeyRing.Generate(Path.Combine(_root, "b"));
        var sameTime = DateTime.UnixEpoch.AddYears(55);
        File.SetLastWriteTimeUtc(aPath, sameTime);
        File.SetLastWriteTimeUtc(bPath, sameTime);
        using (a)
        using (b)
        {
            var expected = new[] { a.KeyId, b.KeyId }.Order(StringComparer.Ordinal).ToArray();

            using var listedAb = SigningKeyRing.Load([aPath, bPath], [], _root, NullLogger.Instance);
            using var listedBa = SigningKeyRing.Load([bPath, aPath], [], _root, NullLogger.Instance);

            Assert.Equal(expected, listedAb.Keys.Select(k => k.Key.KeyId));
            Assert.Equal(expected, listedBa.Keys.Select(k => k.Key.KeyId));
            Assert.Equal(expected[^1], listedAb.Signing.KeyId);
            Assert.Equal(expected[^1], listedBa.Signing.KeyId);
        }
    }

    [Fact]
    public void The_file_time_decides_before_the_kid()
    {
        var keys = new[] { ("zz", DateTime.UnixEpoch.AddDays(1)), ("aa", DateTime.UnixEpoch.AddDays(2)), ("mm", DateTime.UnixEpoch.AddDays(1)) };

        var ordered = SigningKeyOrder.OldestFirst(keys, k => k.Item2, k => k.Item1);

        Assert.Equal(["mm", "zz", "aa"], ordered.Select(k => k.Item1));
    }

    [Fact]
    public void At_first_start_the_log_names_the_kid_and_the_base64url_x_that_the_sdk_pins_and_no_pem()
    {
        var logger = new FakeLogger();

        using var ring = SigningKeyRing.Load([], [], _root, logger);

        var generated = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "SigningKeyGenerated");
        Assert.Equal(LogLevel.Warning, generated.Level);
        var x = ring.Signing.ExportPublicKeyBase64Url();
        Assert.Contains($"\"{ring.Signing.KeyId}\": \"{x}\"", generated.Message, StringComparison.Ordinal);
        Assert.Contains("TrustedKeys", generated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", generated.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", generated.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
