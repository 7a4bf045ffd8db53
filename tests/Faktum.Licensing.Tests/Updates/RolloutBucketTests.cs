using System.Security.Cryptography;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public class RolloutBucketTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void The_bucket_is_deterministic_per_license_and_release()
    {
        for (var i = 0; i < 100; i++)
        {
            var license = $"lic_{i}";
            var first = RolloutBucket.Compute(Secret, license, "rel-2.1.0");
            Assert.InRange(first, 0, 99);
            Assert.Equal(first, RolloutBucket.Compute(Secret, license, "rel-2.1.0"));
        }
    }

    [Fact]
    public void The_bucket_is_the_documented_hmac()
    {
        var secret = "rollout-secret"u8.ToArray();
        var mac = HMACSHA256.HashData(secret, "lic_01\nrel-2.1.0"u8);
        var expected = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(mac) % 100);

        Assert.Equal(expected, RolloutBucket.Compute(secret, "lic_01", "rel-2.1.0"));
    }

    [Fact]
    public void About_thirty_percent_of_ten_thousand_random_licenses_fall_below_thirty()
    {
        var below = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (RolloutBucket.IsIncluded(RolloutBucket.Compute(Secret, Guid.NewGuid().ToString("N"), "rel-2.1.0"), 30))
            {
                below++;
            }
        }

        // Binomial(10 000, 0.3): the standard deviation is 0.46 points, so ±2 points is more than 4 sigma.
        Assert.InRange(below / 100.0, 28.0, 32.0);
    }

    [Fact]
    public void Another_release_reshuffles_the_buckets()
    {
        var licenses = Enumerable.Range(0, 1000).Select(i => $"lic_{i}").ToList();
        var first = licenses.Where(l => RolloutBucket.Compute(Secret, l, "rel-2.1.0") < 30).ToHashSet();
        var second = licenses.Where(l => RolloutBucket.Compute(Secret, l, "rel-2.2.0") < 30).ToHashSet();

        // Independent buckets: the overlap of two 30% samples is about 9%, far from the 30% of identical samples.
        var overlap = first.Intersect(second).Count() / 1000.0;
        Assert.InRange(overlap, 0.04, 0.15);
    }

    [Fact]
    public void Another_secret_gives_other_buckets()
    {
        var other = RandomNumberGenerator.GetBytes(32);
        var same = Enumerable.Range(0, 1000).Count(i => RolloutBucket.Compute(Secret, $"lic_{i}", "r") == RolloutBucket.Compute(other, $"lic_{i}", "r"));
        Assert.InRange(same, 0, 40);
    }

    [Fact]
    public void Raising_the_percentage_only_adds_licenses()
    {
        var licenses = Enumerable.Range(0, 1000).Select(i => $"lic_{i}").ToList();
        var at10 = licenses.Where(l => RolloutBucket.IsIncluded(RolloutBucket.Compute(Secret, l, "r"), 10)).ToHashSet();
        var at50 = licenses.Where(l => RolloutBucket.IsIncluded(RolloutBucket.Compute(Secret, l, "r"), 50)).ToHashSet();

        Assert.Subset(at50, at10);
        Assert.Equal(0, licenses.Count(l => RolloutBucket.IsIncluded(RolloutBucket.Compute(Secret, l, "r"), 0)));
        Assert.Equal(1000, licenses.Count(l => RolloutBucket.IsIncluded(RolloutBucket.Compute(Secret, l, "r"), 100)));
    }

    [Fact]
    public void An_empty_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RolloutBucket.Compute([], "lic", "rel"));
    }
}
