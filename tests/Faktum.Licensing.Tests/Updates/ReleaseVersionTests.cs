using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public class ReleaseVersionTests
{
    // SemVer 2.0.0 §11: every example of the specification, each pair in ascending precedence.
    public static TheoryData<string, string> AscendingPairs => new()
    {
        { "1.0.0", "2.0.0" },
        { "2.0.0", "2.1.0" },
        { "2.1.0", "2.1.1" },
        { "1.0.0-alpha", "1.0.0" },
        { "1.0.0-alpha", "1.0.0-alpha.1" },
        { "1.0.0-alpha.1", "1.0.0-alpha.beta" },
        { "1.0.0-alpha.beta", "1.0.0-beta" },
        { "1.0.0-beta", "1.0.0-beta.2" },
        { "1.0.0-beta.2", "1.0.0-beta.11" },
        { "1.0.0-beta.11", "1.0.0-rc.1" },
        { "1.0.0-rc.1", "1.0.0" },
    };

    public static TheoryData<string[]> SpecChains => new()
    {
        new[] { "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0" },
        new[] { "1.0.0", "2.0.0", "2.1.0", "2.1.1" },
    };

    [Theory]
    [MemberData(nameof(AscendingPairs))]
    public void Spec_examples_are_ordered_by_precedence(string lower, string higher)
    {
        var low = ReleaseVersion.Parse(lower);
        var high = ReleaseVersion.Parse(higher);
        Assert.True(ReleaseVersion.Compare(low, high) < 0);
        Assert.True(ReleaseVersion.Compare(high, low) > 0);
        Assert.True(ReleaseVersion.IsNewer(high, low));
        Assert.False(ReleaseVersion.IsNewer(low, high));
    }

    [Theory]
    [MemberData(nameof(SpecChains))]
    public void Sorting_a_shuffled_spec_chain_gives_the_spec_order(string[] chain)
    {
        var shuffled = chain.Reverse().Select(ReleaseVersion.Parse).ToList();
        shuffled.Sort(ReleaseVersion.Precedence);
        Assert.Equal(chain, shuffled.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("1.0.0+build.1", "1.0.0+build.2")]
    [InlineData("1.0.0-alpha+001", "1.0.0-alpha")]
    [InlineData("1.0.0+20130313144700", "1.0.0")]
    [InlineData("1.0.0-beta+exp.sha.5114f85", "1.0.0-beta")]
    public void Build_metadata_is_ignored_for_precedence(string left, string right)
    {
        Assert.Equal(0, ReleaseVersion.Compare(ReleaseVersion.Parse(left), ReleaseVersion.Parse(right)));
        Assert.False(ReleaseVersion.IsNewer(ReleaseVersion.Parse(left), ReleaseVersion.Parse(right)));
    }

    [Theory]
    [InlineData("v1.0.0")]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-01")]
    [InlineData(" 1.0.0")]
    [InlineData("1.0.0 ")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0+")]
    [InlineData("1.0.0-alpha..1")]
    [InlineData("")]
    [InlineData(null)]
    public void Non_strict_versions_are_refused(string? text)
    {
        Assert.False(ReleaseVersion.TryParse(text, out _));
    }

    [Fact]
    public void Over_long_versions_are_refused()
    {
        Assert.False(ReleaseVersion.TryParse("1.0.0-" + new string('a', ReleaseVersion.MaxLength), out _));
    }
}
