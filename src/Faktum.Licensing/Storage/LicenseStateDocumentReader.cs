using System.Text.Json;

namespace Faktum.Licensing.Storage;

/// <summary>
/// Reads <c>state.json</c> into a <see cref="LicenseStateDocument"/> with a <see cref="Utf8JsonReader"/> alone: at a cold start the
/// serializer's metadata for these types was the largest part of reading the data folder (issue 15), and the reader is precompiled
/// with the framework. It is as strict as <see cref="StateJsonContext"/>, which still writes the file: every member known by its
/// exact name, every required member present, each value of its type (a number, an ISO 8601 date, a string, an object or
/// <see langword="null"/> where the document allows it), no unknown or repeated member, one value and nothing after it. Anything
/// else is a <see cref="JsonException"/> that names what is wrong.
/// </summary>
internal static class LicenseStateDocumentReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

    /// <summary>Returns the document, or <see langword="null"/> when the file holds only <c>null</c>.</summary>
    /// <exception cref="JsonException">The text is not JSON, or not of the document's shape.</exception>
    public static LicenseStateDocument? Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        Next(ref reader);
        var document = reader.TokenType == JsonTokenType.Null ? null : ReadState(ref reader);
        if (reader.Read())
        {
            throw new JsonException("there is more after the state object");
        }

        return document;
    }

    private static LicenseStateDocument ReadState(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "the state");
        var members = new Members("the state");
        int? version = null;
        string? installationId = null;
        DateTimeOffset? lastOnlineCheck = null, highestServerTime = null;
        string? lastVerdict = null, current = null;
        CompanyDocument? company = null;
        UpdateHistoryDocument? updates = null;
        List<LicenseDocument>? licenses = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            switch (members.Take(ref reader, "version", "installationId", "lastOnlineCheck", "highestServerTime", "lastVerdict", "company", "updates", "current", "licenses"))
            {
                case 0: version = NullableInt32(ref reader); break;
                case 1: installationId = String(ref reader); break;
                case 2: lastOnlineCheck = NullableDate(ref reader); break;
                case 3: highestServerTime = NullableDate(ref reader); break;
                case 4: lastVerdict = String(ref reader); break;
                case 5: company = reader.TokenType == JsonTokenType.Null ? null : ReadCompany(ref reader); break;
                case 6: updates = reader.TokenType == JsonTokenType.Null ? null : ReadUpdates(ref reader); break;
                case 7: current = String(ref reader); break;
                default: licenses = reader.TokenType == JsonTokenType.Null ? null : ReadLicenses(ref reader); break;
            }
        }

        members.Require(1);
        return new LicenseStateDocument
        {
            Version = version,
            InstallationId = installationId!,
            LastOnlineCheck = lastOnlineCheck,
            HighestServerTime = highestServerTime,
            LastVerdict = lastVerdict,
            Company = company,
            Updates = updates,
            Current = current,
            Licenses = licenses,
        };
    }

    private static List<LicenseDocument> ReadLicenses(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "licenses");
        var licenses = new List<LicenseDocument>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            // A null entry is kept, as the serializer keeps it: the store refuses a list with an empty license.
            licenses.Add(reader.TokenType == JsonTokenType.Null ? null! : ReadLicense(ref reader));
        }

        return licenses;
    }

    private static LicenseDocument ReadLicense(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "a license");
        var members = new Members("a license");
        string? licenseId = null, tokenFile = null, lastVerdict = null;
        DateTimeOffset? lastOnlineCheck = null;
        CompanyDocument? company = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            switch (members.Take(ref reader, "licenseId", "tokenFile", "lastOnlineCheck", "lastVerdict", "company"))
            {
                case 0: licenseId = String(ref reader); break;
                case 1: tokenFile = String(ref reader); break;
                case 2: lastOnlineCheck = NullableDate(ref reader); break;
                case 3: lastVerdict = String(ref reader); break;
                default: company = reader.TokenType == JsonTokenType.Null ? null : ReadCompany(ref reader); break;
            }
        }

        members.Require(0, 1);
        return new LicenseDocument { LicenseId = licenseId!, TokenFile = tokenFile!, LastOnlineCheck = lastOnlineCheck, LastVerdict = lastVerdict, Company = company };
    }

    private static CompanyDocument ReadCompany(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "the company");
        var members = new Members("the company");
        var values = new string?[9];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            values[members.Take(ref reader, "name", "postcode", "country", "street", "houseNumber", "city", "contactName", "phone", "email")] = String(ref reader);
        }

        members.Require(0, 1, 2, 3, 4, 5, 6, 8);
        return new CompanyDocument
        {
            Name = values[0]!,
            Postcode = values[1]!,
            Country = values[2]!,
            Street = values[3]!,
            HouseNumber = values[4]!,
            City = values[5]!,
            ContactName = values[6]!,
            Phone = values[7],
            Email = values[8]!,
        };
    }

    private static UpdateHistoryDocument ReadUpdates(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "the update history");
        var members = new Members("the update history");
        long highestSequence = 0;
        string? highestVersionOffered = null, channel = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            switch (members.Take(ref reader, "highestSequence", "highestVersionOffered", "channel"))
            {
                case 0: highestSequence = Int64(ref reader); break;
                case 1: highestVersionOffered = String(ref reader); break;
                default: channel = String(ref reader); break;
            }
        }

        return new UpdateHistoryDocument { HighestSequence = highestSequence, HighestVersionOffered = highestVersionOffered, Channel = channel };
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("the text ends before the state does");
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"{what} is a {reader.TokenType}, not a {type}");
        }
    }

    private static string? String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.String, "a text member");
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException exception)
        {
            // A lone surrogate escape or text that is not UTF-8: the reader refuses to decode it.
            throw new JsonException("a text member cannot be decoded", exception);
        }
    }

    private static DateTimeOffset? NullableDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.String, "a date member");
        return reader.TryGetDateTimeOffset(out var value) ? value : throw new JsonException("a date member is not an ISO 8601 date and time");
    }

    private static int? NullableInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.Number, "a number member");
        return reader.TryGetInt32(out var value) ? value : throw new JsonException("a number member is not a 32-bit integer");
    }

    private static long Int64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number member");
        return reader.TryGetInt64(out var value) ? value : throw new JsonException("a number member is not a 64-bit integer");
    }

    /// <summary>The members of one object seen so far: each known name once, by its exact spelling.</summary>
    private ref struct Members(string owner)
    {
        private int _seen;

        /// <summary>Reads the member name at the reader, moves to its value and returns the name's index in <paramref name="names"/>.</summary>
        public int Take(ref Utf8JsonReader reader, params ReadOnlySpan<string> names)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    if ((_seen & (1 << i)) != 0)
                    {
                        throw new JsonException($"{owner} has '{names[i]}' twice");
                    }

                    _seen |= 1 << i;
                    Next(ref reader);
                    return i;
                }
            }

            throw new JsonException($"{owner} has a member '{NameOf(ref reader)}' that is not one of its own");
        }

        private static string NameOf(ref Utf8JsonReader reader)
        {
            try
            {
                var name = reader.GetString() ?? string.Empty;
                return name.Length > 40 ? name[..40] + "…" : name;
            }
            catch (InvalidOperationException)
            {
                return "(not decodable)";
            }
        }

        public readonly void Require(params ReadOnlySpan<int> indexes)
        {
            foreach (var index in indexes)
            {
                if ((_seen & (1 << index)) == 0)
                {
                    throw new JsonException($"{owner} lacks a required member");
                }
            }
        }
    }
}
