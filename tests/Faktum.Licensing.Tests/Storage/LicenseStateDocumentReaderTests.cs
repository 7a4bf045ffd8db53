using System.Text;
using System.Text.Json;
using Faktum.Licensing.Storage;

namespace Faktum.Licensing.Tests.Storage;

/// <summary>
/// The hand-written reader of <c>state.json</c> against the source-generated serializer that writes it: what one writes the other
/// reads member for member, and what the serializer refuses the reader refuses too (a repeated member it refuses where the
/// serializer would take the last).
/// </summary>
public sealed class LicenseStateDocumentReaderTests
{
    private const string Id = "8_hBIpLzQv-Xj6zJkz_adA";

    public static TheoryData<string> Refused => new()
    {
        string.Empty,
        "{",
        "[]",
        "1",
        "\"state\"",
        "{\"installationId\":\"" + Id + "\"} {}",
        "{\"installationId\":\"" + Id + "\"},",
        "{\"installationId\":\"" + Id + "\",}",
        "{/* edited */\"installationId\":\"" + Id + "\"}",
        "{\"installationId\":\"" + Id + "\",\"extra\":1}",
        "{\"InstallationId\":\"" + Id + "\"}",
        "{\"version\":3}",
        "{\"installationId\":7}",
        "{\"installationId\":\"\\uD800\"}",
        "{\"installationId\":\"" + Id + "\",\"version\":\"3\"}",
        "{\"installationId\":\"" + Id + "\",\"version\":3.5}",
        "{\"installationId\":\"" + Id + "\",\"version\":99999999999}",
        "{\"installationId\":\"" + Id + "\",\"lastOnlineCheck\":\"yesterday\"}",
        "{\"installationId\":\"" + Id + "\",\"highestServerTime\":5}",
        "{\"installationId\":\"" + Id + "\",\"lastVerdict\":true}",
        "{\"installationId\":\"" + Id + "\",\"company\":\"Bakkerij Jansen\"}",
        "{\"installationId\":\"" + Id + "\",\"company\":{\"name\":\"Bakkerij Jansen\"}}",
        "{\"installationId\":\"" + Id + "\",\"company\":" + Company("\"fax\":\"0\"") + "}",
        "{\"installationId\":\"" + Id + "\",\"updates\":{\"highestSequence\":null}}",
        "{\"installationId\":\"" + Id + "\",\"updates\":{\"highestSequence\":\"4\"}}",
        "{\"installationId\":\"" + Id + "\",\"updates\":{\"highestSequence\":4,\"skipped\":[]}}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":{}}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[\"license.jwt\"]}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[{\"licenseId\":\"lic_1\"}]}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[{\"tokenFile\":\"license.jwt\"}]}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[{\"licenseId\":\"lic_1\",\"tokenFile\":\"license.jwt\",\"token\":\"eyJ\"}]}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[{\"licenseId\":\"lic_1\",\"tokenFile\":\"license.jwt\",\"company\":[]}]}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[{\"licenseId\":\"lic_1\",\"tokenFile\":\"license.jwt\"}",
    };

    public static TheoryData<string> Accepted => new()
    {
        "null",
        "{\"installationId\":\"" + Id + "\"}",
        " \r\n{ \"install\\u0061tionId\" : \"" + Id + "\" }\n",
        "{\"installationId\":null}",
        "{\"installationId\":\"" + Id + "\",\"version\":null,\"lastOnlineCheck\":null,\"highestServerTime\":null,\"lastVerdict\":null,\"company\":null,\"updates\":null,\"current\":null,\"licenses\":null}",
        "{\"installationId\":\"" + Id + "\",\"lastOnlineCheck\":\"2026-12-01T10:15:30+01:00\",\"highestServerTime\":\"2026-12-01T09:15:30.1234567Z\"}",
        "{\"installationId\":\"" + Id + "\",\"updates\":{}}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[]}",
        "{\"installationId\":\"" + Id + "\",\"licenses\":[null]}",
        "{\"installationId\":\"" + Id + "\",\"company\":" + Company("\"phone\":null") + "}",
        "{\"version\":3,\"installationId\":\"" + Id + "\",\"current\":\"lic_1\",\"licenses\":[{\"licenseId\":\"lic_1\",\"tokenFile\":\"license.jwt\",\"company\":" + Company("\"phone\":\"020 123 45 67\"") + "}]}",
    };

    [Fact]
    public void A_document_the_serializer_writes_reads_back_member_for_member()
    {
        var company = new CompanyDocument
        {
            Name = "Bäckerei \"Müller\" & Zn. <b>مخبز</b>",
            Postcode = "1234 AB",
            Country = "NL",
            Street = "Dorpsstraat",
            HouseNumber = "1a",
            City = "Ons Dorp",
            ContactName = "J. Jansen",
            Phone = "+31 20 123 45 67",
            Email = "info@bakkerij-jansen.example",
        };
        var written = new LicenseStateDocument
        {
            Version = LicenseStateDocument.CurrentVersion,
            InstallationId = Id,
            LastOnlineCheck = new DateTimeOffset(2026, 12, 1, 10, 15, 30, TimeSpan.FromHours(1)),
            HighestServerTime = new DateTimeOffset(2026, 12, 1, 9, 15, 30, TimeSpan.Zero).AddTicks(1234567),
            LastVerdict = "trial",
            Company = company,
            Updates = new UpdateHistoryDocument { HighestSequence = long.MaxValue, HighestVersionOffered = "2.4.0-beta.1", Channel = "beta" },
            Current = "lic_2",
            Licenses =
            [
                new LicenseDocument { LicenseId = "lic_1", TokenFile = "license.jwt", LastOnlineCheck = DateTimeOffset.UnixEpoch, LastVerdict = "licensed", Company = company with { Phone = null } },
                new LicenseDocument { LicenseId = "lic_2", TokenFile = "license.2.jwt" },
            ],
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(written, StateJsonContext.Default.LicenseStateDocument);

        var read = LicenseStateDocumentReader.Read(bytes);

        Assert.NotNull(read);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Serialized(read));
        Assert.Equal(written with { Licenses = null }, read with { Licenses = null });
        Assert.Equal(written.Licenses, read.Licenses!);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_the_serializer_refuses_the_reader_refuses(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, StateJsonContext.Default.LicenseStateDocument));
        Assert.ThrowsAny<JsonException>(() => LicenseStateDocumentReader.Read(bytes));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void What_the_serializer_reads_the_reader_reads_the_same(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var expected = JsonSerializer.Deserialize(bytes, StateJsonContext.Default.LicenseStateDocument);
        var read = LicenseStateDocumentReader.Read(bytes);

        Assert.Equal(expected is null ? "null" : Serialized(expected), read is null ? "null" : Serialized(read));
    }

    [Theory]
    [InlineData("{\"installationId\":\"" + Id + "\",\"installationId\":\"" + Id + "\"}")]
    [InlineData("{\"installationId\":\"" + Id + "\",\"licenses\":[{\"licenseId\":\"lic_1\",\"licenseId\":\"lic_2\",\"tokenFile\":\"license.jwt\"}]}")]
    public void A_repeated_member_is_refused_where_the_serializer_would_take_the_last(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.NotNull(JsonSerializer.Deserialize(bytes, StateJsonContext.Default.LicenseStateDocument));
        var refused = Assert.ThrowsAny<JsonException>(() => LicenseStateDocumentReader.Read(bytes));
        Assert.Contains("twice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_is_named_in_the_refusal()
    {
        var refused = Assert.ThrowsAny<JsonException>(() => LicenseStateDocumentReader.Read("{\"installationId\":\"x\",\"extra\":1}"u8));

        Assert.Contains("'extra'", refused.Message, StringComparison.Ordinal);
    }

    private static string Company(string extra) =>
        "{\"name\":\"Bakkerij Jansen B.V.\",\"postcode\":\"1234 AB\",\"country\":\"NL\",\"street\":\"Dorpsstraat\",\"houseNumber\":\"1\","
        + "\"city\":\"Ons Dorp\",\"contactName\":\"J. Jansen\",\"email\":\"info@bakkerij-jansen.example\"," + extra + "}";

    private static string Serialized(LicenseStateDocument document) =>
        JsonSerializer.Serialize(document, StateJsonContext.Default.LicenseStateDocument);
}
