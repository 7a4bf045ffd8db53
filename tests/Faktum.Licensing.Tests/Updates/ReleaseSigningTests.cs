using System.Buffers.Text;
using System.Text;
using Faktum.Licensing.Tokens;
using Faktum.Licensing.Tests.Tokens;
using Faktum.Licensing.Updates;

namespace Faktum.Licensing.Tests.Updates;

public class ReleaseSigningTests
{
    // Each field changed to another valid value: re-serialized and presented with the original signature.
    public static TheoryData<string> Fields => new()
    {
        "releaseId", "product", "sequence", "version", "channel", "publishedAt", "notesUrl", "downloadUrl",
        "sha256", "size", "mandatory", "minimumSupportedVersion", "rolloutPercentage", "withdrawn",
    };

    [Fact]
    public void A_signed_release_verifies_and_round_trips_through_its_wire_form()
    {
        using var fixture = new ReleaseFixture();
        var manifest = ReleaseFixture.Manifest(change: m => m with { Channel = ReleaseChannel.Beta, Version = "2.2.0-beta.1+build.5", Mandatory = true, RolloutPercentage = 25 });
        var json = fixture.Sign(manifest).ToJson();

        var result = fixture.Verifier().Verify(json);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(manifest, result.Manifest);
        Assert.Equal(json, result.Signed.ToJson());
        Assert.Equal(fixture.ReleaseKey.KeyId, result.Signed.KeyId);
    }

    [Fact]
    public void The_canonical_form_has_a_fixed_member_order()
    {
        var bytes = ReleaseManifestSerializer.Serialize(ReleaseFixture.Manifest(change: m => m with { MinimumSupportedVersion = null }));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\"releaseId\":\"rel-2.1.0\",\"product\":\"faktum-factuur\",\"sequence\":7,\"version\":\"2.1.0\",\"channel\":\"stable\",\"publishedAt\":", text);
        Assert.EndsWith(",\"size\":8,\"mandatory\":false,\"minimumSupportedVersion\":null,\"rolloutPercentage\":100,\"withdrawn\":false}", text);
    }

    [Fact]
    public void Every_flipped_bit_of_the_manifest_bytes_is_refused()
    {
        using var fixture = new ReleaseFixture();
        var signed = fixture.Sign(ReleaseFixture.Manifest());
        var verifier = fixture.Verifier();
        var bytes = signed.ManifestBytes.ToArray();

        var failures = new HashSet<ReleaseVerificationFailure>();
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var result = verifier.Verify(new SignedRelease(flipped, signed.KeyId, signed.Signature));
            Assert.False(result.Succeeded, $"bit {bit} accepted");
            failures.Add(result.Failure);
        }

        Assert.Equal([ReleaseVerificationFailure.BadSignature], failures);
    }

    [Fact]
    public void Every_single_character_change_of_the_wire_form_is_refused()
    {
        using var fixture = new ReleaseFixture();
        var json = fixture.Sign(ReleaseFixture.Manifest()).ToJson();
        var verifier = fixture.Verifier();

        for (var i = 0; i < json.Length; i++)
        {
            var chars = json.ToCharArray();
            chars[i] = (char)(chars[i] ^ 0x01);
            Assert.False(verifier.Verify(new string(chars)).Succeeded, $"character {i} accepted");
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_manifest_reserialized_with_a_changed_field_is_refused(string field)
    {
        using var fixture = new ReleaseFixture();
        var original = ReleaseFixture.Manifest();
        var signed = fixture.Sign(original);
        var altered = field switch
        {
            "releaseId" => original with { ReleaseId = "rel-other" },
            "product" => original with { ProductId = "faktum-other" },
            "sequence" => original with { Sequence = original.Sequence + 1 },
            "version" => original with { Version = "9.9.9" },
            "channel" => original with { Channel = ReleaseChannel.Alpha },
            "publishedAt" => original with { PublishedAt = original.PublishedAt.AddSeconds(-1) },
            "notesUrl" => original with { NotesUrl = new Uri("https://evil.example/notes") },
            "downloadUrl" => original with { DownloadUrl = new Uri("https://evil.example/factuur.msi") },
            "sha256" => original with { Sha256 = new string('0', 64) },
            "size" => original with { Size = original.Size + 1 },
            "mandatory" => original with { Mandatory = !original.Mandatory },
            "minimumSupportedVersion" => original with { MinimumSupportedVersion = "2.0.0" },
            "rolloutPercentage" => original with { RolloutPercentage = 99 },
            "withdrawn" => original with { Withdrawn = !original.Withdrawn },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var alteredBytes = ReleaseManifestSerializer.Serialize(altered);
        Assert.NotEqual(signed.ManifestBytes.ToArray(), alteredBytes);

        var result = fixture.Verifier().Verify(new SignedRelease(alteredBytes, signed.KeyId, signed.Signature));

        Assert.Equal(ReleaseVerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void A_manifest_signed_by_the_license_key_is_refused_as_an_unknown_key()
    {
        using var fixture = new ReleaseFixture();
        var signed = ReleaseFixture.SignWith(ReleaseFixture.Manifest(), fixture.LicenseKey);

        var result = fixture.Verifier().Verify(signed.ToJson());

        Assert.Equal(ReleaseVerificationFailure.UnknownKey, result.Failure);
    }

    [Fact]
    public void A_license_key_release_relabelled_with_the_release_kid_is_a_bad_signature()
    {
        using var fixture = new ReleaseFixture();
        var signed = ReleaseFixture.SignWith(ReleaseFixture.Manifest(), fixture.LicenseKey);

        var result = fixture.Verifier().Verify(new SignedRelease(signed.ManifestBytes, fixture.ReleaseKey.KeyId, signed.Signature));

        Assert.Equal(ReleaseVerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void A_verifier_pinning_only_license_keys_refuses_releases()
    {
        using var fixture = new ReleaseFixture();
        var verifier = new ReleaseVerifier([fixture.LicenseKey.PublicKey], ReleaseFixture.Product);

        Assert.Equal(ReleaseVerificationFailure.UnknownKey, verifier.Verify(fixture.Sign(ReleaseFixture.Manifest()).ToJson()).Failure);
    }

    [Fact]
    public void A_signature_without_the_domain_prefix_is_refused()
    {
        using var fixture = new ReleaseFixture();
        var bytes = ReleaseManifestSerializer.Serialize(ReleaseFixture.Manifest());
        var bare = Forge.RawSignature(fixture.ReleaseKey, bytes);

        var result = fixture.Verifier().Verify(new SignedRelease(bytes, fixture.ReleaseKey.KeyId, bare));

        Assert.Equal(ReleaseVerificationFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Another_products_release_is_refused()
    {
        using var fixture = new ReleaseFixture();
        var signed = fixture.Sign(ReleaseFixture.Manifest(change: m => m with { ProductId = "faktum-kassa" }));

        Assert.Equal(ReleaseVerificationFailure.WrongProduct, fixture.Verifier().Verify(signed).Failure);
    }

    [Theory]
    [InlineData("{\"releaseId\":\"r\",\"releaseId\":\"r\"}")]
    [InlineData("[]")]
    [InlineData("not json")]
    [InlineData("{\"releaseId\":\"rel-2.1.0\"}")]
    public void Validly_signed_bytes_that_are_not_a_strict_manifest_are_refused(string text)
    {
        using var fixture = new ReleaseFixture();
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(ReleaseVerificationFailure.InvalidManifest, fixture.Verifier().Verify(SignRaw(fixture.ReleaseKey, bytes)).Failure);
    }

    [Fact]
    public void A_validly_signed_manifest_with_a_duplicate_member_is_refused()
    {
        using var fixture = new ReleaseFixture();
        var text = Encoding.UTF8.GetString(ReleaseManifestSerializer.Serialize(ReleaseFixture.Manifest()));
        var duplicated = text.Replace("\"withdrawn\":false}", "\"withdrawn\":false,\"withdrawn\":true}", StringComparison.Ordinal);

        Assert.Equal(ReleaseVerificationFailure.InvalidManifest, fixture.Verifier().Verify(SignRaw(fixture.ReleaseKey, Encoding.UTF8.GetBytes(duplicated))).Failure);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\n")]
    public void A_validly_signed_but_non_canonical_manifest_is_refused(string whitespace)
    {
        using var fixture = new ReleaseFixture();
        var text = Encoding.UTF8.GetString(ReleaseManifestSerializer.Serialize(ReleaseFixture.Manifest()));

        var result = fixture.Verifier().Verify(SignRaw(fixture.ReleaseKey, Encoding.UTF8.GetBytes(text + whitespace)));

        Assert.Equal(ReleaseVerificationFailure.InvalidManifest, result.Failure);
    }

    [Fact]
    public void A_validly_signed_manifest_with_an_unknown_member_is_refused()
    {
        using var fixture = new ReleaseFixture();
        var text = Encoding.UTF8.GetString(ReleaseManifestSerializer.Serialize(ReleaseFixture.Manifest()));
        var extended = text.Replace("}", ",\"extra\":1}", StringComparison.Ordinal);

        Assert.Equal(ReleaseVerificationFailure.InvalidManifest, fixture.Verifier().Verify(SignRaw(fixture.ReleaseKey, Encoding.UTF8.GetBytes(extended))).Failure);
    }

    [Theory]
    [InlineData("{\"manifest\":\"e30\",\"kid\":\"k\"}")]
    [InlineData("{\"manifest\":\"e30\",\"kid\":\"k\",\"signature\":\"AA\",\"extra\":\"x\"}")]
    [InlineData("{\"manifest\":\"e30\",\"manifest\":\"e30\",\"kid\":\"k\",\"signature\":\"AA\"}")]
    [InlineData("{\"manifest\":\"e30=\",\"kid\":\"k\",\"signature\":\"AA\"}")]
    [InlineData("{\"manifest\":\"e3+\",\"kid\":\"k\",\"signature\":\"AA\"}")]
    [InlineData("{\"manifest\":\"e31\",\"kid\":\"k\",\"signature\":\"AA\"}")]
    [InlineData("{\"manifest\":1,\"kid\":\"k\",\"signature\":\"AA\"}")]
    [InlineData("{\"manifest\":\"\",\"kid\":\"k\",\"signature\":\"AA\"}")]
    [InlineData("[\"e30\",\"k\",\"AA\"]")]
    [InlineData("")]
    [InlineData(null)]
    public void A_malformed_wire_form_is_refused(string? json)
    {
        using var fixture = new ReleaseFixture();
        Assert.Equal(ReleaseVerificationFailure.Malformed, fixture.Verifier().Verify(json).Failure);
    }

    [Fact]
    public void Signing_refuses_an_invalid_manifest()
    {
        using var fixture = new ReleaseFixture();
        Assert.Throws<ArgumentException>(() => fixture.Sign(ReleaseFixture.Manifest(change: m => m with { Sha256 = new string('A', 64) })));
        Assert.Throws<ArgumentException>(() => fixture.Sign(ReleaseFixture.Manifest(change: m => m with { MinimumSupportedVersion = "3.0.0" })));
        Assert.Throws<ArgumentException>(() => fixture.Sign(ReleaseFixture.Manifest(change: m => m with { DownloadUrl = new Uri("http://downloads.example/x.msi") })));
        Assert.Throws<ArgumentException>(() => fixture.Sign(ReleaseFixture.Manifest(change: m => m with { RolloutPercentage = 101 })));
        Assert.Throws<ArgumentException>(() => fixture.Sign(ReleaseFixture.Manifest(change: m => m with { Version = "v2.1.0" })));
        Assert.Throws<ArgumentException>(() => fixture.Sign(ReleaseFixture.Manifest(change: m => m with { Sequence = 0 })));
    }

    [Fact]
    public void Signing_with_a_public_key_only_is_refused()
    {
        // A public key cannot even be passed: the signer takes the vendor package's private-key type only.
        var parameter = typeof(ReleaseSigner).GetMethod(nameof(ReleaseSigner.Sign))!.GetParameters()[1];

        Assert.Equal(typeof(Ed25519SigningKey), parameter.ParameterType);
        Assert.False(typeof(Ed25519SigningKey).IsAssignableFrom(typeof(Ed25519SecurityKey)));
    }

    private static string SignRaw(Ed25519SigningKey key, byte[] bytes)
    {
        var signature = Forge.RawSignature(key, ReleaseSigning.SigningInput(bytes));
        return $"{{\"manifest\":\"{Base64Url.EncodeToString(bytes)}\",\"kid\":\"{key.KeyId}\",\"signature\":\"{Base64Url.EncodeToString(signature)}\"}}";
    }
}
