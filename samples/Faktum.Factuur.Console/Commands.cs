using Faktum.Licensing;

namespace Faktum.Factuur;

/// <summary>The non-interactive commands (register, confirm, recover, status, profile, installations).</summary>
internal static class Commands
{
    public static async Task<int> RegisterAsync(Session session, Output output, CompanyRegistration registration, CancellationToken cancellationToken)
    {
        var before = session.Server is { } server ? Mailbox.Snapshot(server.MailDirectory) : null;
        var result = await session.Licensing.RegisterCompanyAsync(registration, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return output.Failed("register", SdkFailure.From(result));
        }

        await WaitForMailAsync(session, before, cancellationToken).ConfigureAwait(false);

        return output.Done("register", WithMailFolder(session, output, output.Texts.Registered), new() { ["mailDirectory"] = session.Server?.MailDirectory });
    }

    public static async Task<int> ConfirmAsync(Session session, Output output, string email, string password, SeatChoice? choice, CancellationToken cancellationToken)
    {
        var result = await session.Licensing.ConfirmAsync(email, password, choice, cancellationToken).ConfigureAwait(false);
        if (result.Failure == LicensingFailure.CompanyChoiceRequired)
        {
            // S9: the password still works; list the account's companies so the next call can name them with --license.
            output.Log.Failure("confirm", SdkFailure.From(result));
            var lines = result.Companies.Select(c => $"{c.LicenseId}  {output.Texts.Describe(c)}").Prepend(output.Texts.Failure(LicensingFailure.CompanyChoiceRequired));
            return output.Done("confirm", string.Join(Environment.NewLine, lines),
                new() { ["companyChoiceRequired"] = true, ["companies"] = result.Companies }, ExitCodes.Error);
        }

        if (result.Failure == LicensingFailure.SeatsFull)
        {
            // S8: the password still works; list the computers so the next call can name one with --release.
            output.Log.Failure("confirm", SdkFailure.From(result));
            var lines = result.Installations.Select(i => $"{i.Id}  {output.Texts.Describe(i)}").Prepend(output.Texts.Failure(LicensingFailure.SeatsFull));
            return output.Done("confirm", string.Join(Environment.NewLine, lines),
                new() { ["seatsFull"] = true, ["license"] = result.LicenseId, ["installations"] = result.Installations }, ExitCodes.Error);
        }

        if (!result.Succeeded)
        {
            return output.Failed("confirm", SdkFailure.From(result));
        }

        return output.Done("confirm", $"{output.Texts.Confirmed} {output.Texts.State(result.Value)}", new() { ["status"] = output.Describe("confirm", result.Value) });
    }

    public static async Task<int> RecoverAsync(Session session, Output output, string email, CancellationToken cancellationToken)
    {
        var before = session.Server is { } server ? Mailbox.Snapshot(server.MailDirectory) : null;
        var result = await session.Licensing.RequestOneTimePasswordAsync(email, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return output.Failed("recover", SdkFailure.From(result));
        }

        await WaitForMailAsync(session, before, cancellationToken).ConfigureAwait(false);

        return output.Done("recover", WithMailFolder(session, output, output.Texts.PasswordRequested), new() { ["mailDirectory"] = session.Server?.MailDirectory });
    }

    // The embedded server stops when this command ends: give its outbox the moment it needs to deliver the mail. (Recovery
    // answers alike for unknown addresses, which get no mail: then the wait simply runs out.)
    private static async Task WaitForMailAsync(Session session, IReadOnlySet<string>? before, CancellationToken cancellationToken)
    {
        if (session.Server is { } server && before is not null)
        {
            _ = await Mailbox.WaitForNewMailAsync(server.MailDirectory, before, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Exit 0 when the app may run normally (licensed, trial, offline grace), 3 when it must drop to read-only.</summary>
    public static async Task<int> StatusAsync(Session session, Output output, CancellationToken cancellationToken)
    {
        var status = await session.Licensing.CheckAsync(cancellationToken).ConfigureAwait(false);
        var message = output.Texts.UpdateNews(status.UpdateDecision) is { } news
            ? $"{output.Texts.LicenseStatusTitle}: {output.Texts.State(status)}{Environment.NewLine}{news}"
            : $"{output.Texts.LicenseStatusTitle}: {output.Texts.State(status)}";
        return output.Done("status", message, new() { ["status"] = output.Describe("status", status), ["updates"] = Output.Describe(status.UpdateDecision) },
            status.Mode == LicenseMode.ReadOnly ? ExitCodes.NotRunnable : ExitCodes.Success);
    }

    /// <summary>The installations of the license (S8); with <paramref name="release"/> one is released, with <paramref name="rename"/> one renamed.</summary>
    public static async Task<int> InstallationsAsync(Session session, Output output, string? release, string? rename, string? label, CancellationToken cancellationToken)
    {
        var licensing = session.Licensing;
        if (release is not null || rename is not null)
        {
            var changed = release is not null
                ? await licensing.ReleaseInstallationAsync(release, cancellationToken).ConfigureAwait(false)
                : await licensing.RenameInstallationAsync(rename!, label is { Length: > 0 } ? label : null, cancellationToken).ConfigureAwait(false);
            if (!changed.Succeeded)
            {
                return output.Failed("installations", SdkFailure.From(changed));
            }
        }

        var listed = await licensing.GetInstallationsAsync(cancellationToken).ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            return output.Failed("installations", SdkFailure.From(listed));
        }

        var overview = listed.Value;
        var texts = output.Texts;
        var lines = overview.Installations.Select(i => $"{i.Id}  {texts.Describe(i)}").Prepend(texts.SeatsSummary(overview.Seats, overview.Installations.Count, overview.MovesLeft, overview.NextMoveAt));
        return output.Done("installations", string.Join(Environment.NewLine, lines), new() { ["installations"] = overview });
    }

    /// <summary>The companies on this computer (S9), each with its state; with <paramref name="select"/> one becomes current, with <paramref name="remove"/> one is removed.</summary>
    public static async Task<int> CompaniesAsync(Session session, Output output, string? select, string? remove, CancellationToken cancellationToken)
    {
        var licensing = session.Licensing;
        _ = await licensing.CheckAsync(cancellationToken).ConfigureAwait(false);   // every start checks every license once (S5, S9)
        if (select is not null || remove is not null)
        {
            var changed = select is not null
                ? (await licensing.SelectCompanyAsync(select, cancellationToken).ConfigureAwait(false)) is { Succeeded: false } refused ? SdkFailure.From(refused) : null
                : (await licensing.RemoveCompanyAsync(remove!, cancellationToken).ConfigureAwait(false)) is { Succeeded: false } failed ? SdkFailure.From(failed) : null;
            if (changed is not null)
            {
                return output.Failed("companies", changed);
            }
        }

        var listed = await licensing.GetCompaniesAsync(cancellationToken).ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            return output.Failed("companies", SdkFailure.From(listed));
        }

        var texts = output.Texts;
        var lines = listed.Value.Count == 0 ? [texts.NoCompanies] : listed.Value.Select(c => $"{c.LicenseId}  {texts.Describe(c)}");
        var described = listed.Value.Select(c => new { c.LicenseId, c.Profile.Name, c.Profile.Postcode, c.Profile.City, c.IsCurrent, Status = output.Describe("companies", c.Status) });
        return output.Done("companies", string.Join(Environment.NewLine, lines), new() { ["companies"] = described.ToList() });
    }

    public static async Task<int> ProfileAsync(Session session, Output output, CancellationToken cancellationToken)
    {
        var profile = await session.Licensing.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return output.Failed("profile", SdkFailure.Local(LicensingFailure.NotRegistered));
        }

        return output.Done("profile", Describe(profile, output.Texts), new() { ["profile"] = profile });
    }

    public static string Describe(CompanyProfile profile, Texts.Texts texts) => string.Join(Environment.NewLine,
        profile.Name,
        $"{texts.InvoiceAddress}: {profile.Street} {profile.HouseNumber}, {profile.Postcode} {profile.City} ({profile.Country})",
        $"{texts.ContactName}: {profile.ContactName}{(profile.Phone is { Length: > 0 } phone ? $", {phone}" : string.Empty)}",
        $"{texts.Email}: {profile.Email}");

    private static string WithMailFolder(Session session, Output output, string message) =>
        session.Server is { } server ? $"{message}{Environment.NewLine}{output.Texts.MailFolder(server.MailDirectory)}" : message;

    /// <summary>
    /// The reason shown for each field code the sample maps (<see cref="Screens.FieldRules.Codes"/>), at every field, in Dutch and
    /// English: <c>{ code: { "nl": { field: text }, "en": { field: text } } }</c>.
    /// </summary>
    public static string FieldTexts()
    {
        var languages = new[] { "nl", "en" };
        var texts = Screens.FieldRules.Codes.ToDictionary(
            pair => pair.Key,
            pair => languages.ToDictionary(
                language => language,
                language => Enum.GetValues<Screens.Field>().ToDictionary(field => field.ToString(), field => Texts.Texts.For(language).Problem(field, pair.Value, "NL"))));
        return System.Text.Json.JsonSerializer.Serialize(texts, FieldTextsJson);
    }

    private static readonly System.Text.Json.JsonSerializerOptions FieldTextsJson =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
