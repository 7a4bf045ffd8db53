using System.Buffers.Text;
using Faktum.Licensing.Tokens;

namespace Faktum.Licensing.Tests.Tokens;

public class TamperTests
{
    [Fact]
    public async Task Every_single_character_change_of_a_real_token_is_refused()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var validator = fixture.Validator();
        Assert.True((await validator.ValidateAsync(token)).Succeeded);

        var accepted = new List<int>();
        for (var i = 0; i < token.Length; i++)
        {
            var chars = token.ToCharArray();
            chars[i] = (char)(chars[i] ^ 0x01);
            var result = await validator.ValidateAsync(new string(chars));
            if (result.Succeeded)
            {
                accepted.Add(i);
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public async Task Every_flipped_bit_of_the_signature_is_a_bad_signature()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var validator = fixture.Validator();
        var cut = token.LastIndexOf('.') + 1;
        var signature = Base64Url.DecodeFromChars(token.AsSpan(cut));

        var failures = new HashSet<LicenseTokenFailure>();
        for (var bit = 0; bit < signature.Length * 8; bit++)
        {
            var flipped = (byte[])signature.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var result = await validator.ValidateAsync(token[..cut] + Base64Url.EncodeToString(flipped));
            failures.Add(result.Failure);
        }

        Assert.Equal([LicenseTokenFailure.BadSignature], failures);
    }

    [Fact]
    public async Task Every_flipped_bit_of_the_payload_is_refused()
    {
        using var fixture = new TokenFixture();
        var token = fixture.Issue();
        var validator = fixture.Validator();
        var parts = token.Split('.');
        var payload = Base64Url.DecodeFromChars(parts[1]);

        for (var bit = 0; bit < payload.Length * 8; bit++)
        {
            var flipped = (byte[])payload.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            var result = await validator.ValidateAsync($"{parts[0]}.{Base64Url.EncodeToString(flipped)}.{parts[2]}");
            Assert.False(result.Succeeded, $"bit {bit} accepted");
        }
    }
}
