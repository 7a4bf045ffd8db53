using Faktum.Licensing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Faktum.Factuur;

/// <summary>
/// The seed's stories S1–S7 end to end without input, on the embedded server in a fresh folder DATA-DIR/demo, and S9 (one
/// e-mail address, two companies; the second computer brings one of them): each step prints what happened; the exit code
/// is 0 only when every step behaved as the seed says.
/// </summary>
internal sealed class Demo(GlobalSettings global, Output output)
{
    private const string Email = "jan@bakkerij-jansen.nl";
    private const string Bakery = "Bakkerij Jansen B.V.";
    private const string Catering = "Jansen Catering";

    // S1/S2: the company the demo registers; the duplicate (S3) and the second company (S9) are variations of it.
    private static readonly CompanyRegistration BakeryRegistration = new()
    {
        CompanyName = Bakery,
        Postcode = "1234 AB",
        Country = "NL",
        Street = "Dorpsstraat",
        HouseNumber = "12a",
        City = "Utrecht",
        ContactName = "Jan Jansen",
        Phone = "+31 30 123 4567",
        Email = Email,
    };
    private const string InstalledVersion = "1.0.0";
    private const string NextVersion = "1.1.0";
    private readonly List<Step> _steps = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var texts = output.Texts;
        output.Line(texts.DemoTitle);
        var folder = Path.Combine(global.DataDirectory, "demo");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        // The vendor's release key (S5 updates): made once, kept off the license server, pinned in server and app.
        Directory.CreateDirectory(folder);
        var release = new ReleaseTool(Path.Combine(folder, "release-key.pem"), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        EmbeddedServer server;
        try
        {
            await release.CreateKeyAsync(cancellationToken).ConfigureAwait(false);
            server = await EmbeddedServer.StartAsync(Path.Combine(folder, "server"), release.ServerConfiguration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or System.Text.Json.JsonException)
        {
            output.Log.Error("demo", ex.GetType().Name, ex.Message);
            Record("server", false, $"{texts.EmbeddedServerFailed} {texts.DetailsInLog(output.Log.Path)}");
            return Finish();
        }

        await using (server.ConfigureAwait(false))
        {
            Record("server", true, server.BaseAddress.ToString());
            var settings = new LicensingSettings(server.BaseAddress, server.TrustedKeys, InstalledVersion, global.Channel) { ReleaseKeys = release.PinnedKeys };
            // Each computer is a host on its own data folder; starting one again (a restart) builds a new host on the same folder.
            var hosts = new List<IHost>();
            IFaktumLicensing Start(int computer)
            {
                var host = LicensingHost.Build(settings, Path.Combine(folder, $"computer-{computer}"), output.Log);
                hosts.Add(host);
                return host.Services.GetRequiredService<IFaktumLicensing>();
            }

            try
            {
                await WalkAsync(server, release, Start, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (var host in hosts)
                {
                    host.Dispose();
                }
            }
        }

        return Finish();
    }

    private async Task WalkAsync(EmbeddedServer server, ReleaseTool release, Func<int, IFaktumLicensing> start, CancellationToken cancellationToken)
    {
        var texts = output.Texts;
        var pc1 = start(1);
        var pc2 = start(2);
        var pc3 = start(3);

        // S1/S2: a new company on the first computer.
        var registered = await pc1.RegisterCompanyAsync(BakeryRegistration, cancellationToken).ConfigureAwait(false);
        if (!Record("register", registered.Succeeded, registered.Succeeded ? texts.Registered : Describe("register", SdkFailure.From(registered)), registered.Failure))
        {
            return;
        }

        var password = await Mailbox.WaitForPasswordAsync(server.MailDirectory, Email, [], TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (!Record("mail", password is not null, password is null ? texts.MailFolder(server.MailDirectory) : $"{Email}: {password}"))
        {
            return;
        }

        var confirmed = await pc1.ConfirmAsync(Email, password!, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!Record("confirm", confirmed.Succeeded && confirmed.Value.State == LicenseState.Trial,
            confirmed.Succeeded ? texts.State(confirmed.Value) : Describe("confirm", SdkFailure.From(confirmed)), confirmed.Failure, confirmed.Value))
        {
            return;
        }

        // S5/S7: the next start.
        var status = await pc1.CheckAsync(cancellationToken).ConfigureAwait(false);
        Record("status", status.State == LicenseState.Trial && status.DaysLeft > 0 && status.IsConfirmedOnline, texts.State(status), status: status);

        // S6: the company profile; its address is the invoice address.
        var profile = await pc1.GetCompanyProfileAsync(cancellationToken).ConfigureAwait(false);
        Record("profile", profile is { Name: Bakery, Postcode: "1234 AB", City: "Utrecht" },
            profile is null ? texts.NoProfile : Commands.Describe(profile, texts).Replace(Environment.NewLine, " | ", StringComparison.Ordinal));

        // S9: a second company under the same e-mail address, on the first computer: one account, two licenses.
        var seen = new List<string> { password! };
        if (!await SecondCompanyAsync(server, pc1, seen, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // S9: the first computer starts again; its one start-up call checks both licenses, each with its own trial days.
        pc1 = start(1);
        _ = await pc1.CheckAsync(cancellationToken).ConfigureAwait(false);
        var companies = await CompaniesAsync(pc1, cancellationToken).ConfigureAwait(false);
        if (!Record("companies", companies.Count == 2 && companies.All(c => c.Status.State == LicenseState.Trial && c.Status.DaysLeft > 0),
            string.Join(" | ", companies.Select(texts.Describe)), companies: companies))
        {
            return;
        }

        // S4: a second computer recovers the account by e-mail.
        var recovery = await pc2.RequestOneTimePasswordAsync(Email, cancellationToken).ConfigureAwait(false);
        var newPassword = recovery.Succeeded
            ? await Mailbox.WaitForPasswordAsync(server.MailDirectory, Email, seen, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false)
            : null;
        if (!Record("recover", recovery.Succeeded && newPassword is not null,
            recovery.Succeeded ? $"{texts.PasswordRequested} {Email}: {newPassword}" : Describe("recover", SdkFailure.From(recovery)), recovery.Failure))
        {
            return;
        }

        // S9: the password proves an account with two companies: the second computer chooses one of them, the bakery.
        var choice = await pc2.ConfirmAsync(Email, newPassword!, cancellationToken: cancellationToken).ConfigureAwait(false);
        var bakery = choice.Companies.FirstOrDefault(c => c.Name == Bakery);
        if (!Record("company-choice", choice.Failure == LicensingFailure.CompanyChoiceRequired && choice.Companies.Count == 2 && bakery is { IsOnThisInstallation: false },
            choice.Failure == LicensingFailure.CompanyChoiceRequired ? string.Join(" | ", choice.Companies.Select(texts.Describe)) : Describe("company-choice", SdkFailure.From(choice)), choice.Failure))
        {
            return;
        }

        var recovered = await pc2.ConfirmAsync(Email, newPassword!, new SeatChoice { LicenseIds = [bakery!.LicenseId] }, cancellationToken).ConfigureAwait(false);
        Record("recover-confirm", recovered.Succeeded && recovered.Value.State == LicenseState.Trial && recovered.Value.Company?.Name == Bakery,
            recovered.Succeeded ? $"{recovered.Value.Company?.Name}: {texts.State(recovered.Value)}" : Describe("recover-confirm", SdkFailure.From(recovered)), recovered.Failure, recovered.Value);

        // S4: the first computer learns at its next start that the bakery's license moved; S9: the other company stays licensed there.
        pc1 = start(1);
        _ = await pc1.CheckAsync(cancellationToken).ConfigureAwait(false);
        companies = await CompaniesAsync(pc1, cancellationToken).ConfigureAwait(false);
        var moved = companies.FirstOrDefault(c => c.Profile.Name == Bakery)?.Status;
        Record("moved", moved is { State: LicenseState.MovedToAnotherInstallation, Mode: LicenseMode.ReadOnly }, moved is null ? texts.NoProfile : $"{Bakery}: {texts.State(moved)}", status: moved);
        var other = companies.FirstOrDefault(c => c.Profile.Name == Catering)?.Status;
        Record("still-licensed", other is { State: LicenseState.Trial, Mode: not LicenseMode.ReadOnly }, other is null ? texts.NoProfile : $"{Catering}: {texts.State(other)}", status: other);

        // S3: one license per company — a name variant of the same company is refused.
        var duplicate = await pc3.RegisterCompanyAsync(
            BakeryRegistration with { CompanyName = "bakkerij  jansen bv", Postcode = "1234ab", ContactName = "Piet Jansen", Phone = null, Email = "piet@bakkerij-jansen.nl" },
            cancellationToken).ConfigureAwait(false);
        Record("duplicate", duplicate.Failure == LicensingFailure.CompanyAlreadyRegistered,
            duplicate.Succeeded ? texts.RegisteredTwice : Describe("duplicate", SdkFailure.From(duplicate)), duplicate.Failure);

        // S5 updates: the same one call at start says whether a newer release exists. The vendor signs 1.1.0 with the
        // release key and publishes it; the installation (1.0.0) learns it at its next start.
        var before = await pc2.CheckAsync(cancellationToken).ConfigureAwait(false);
        string? published = null;
        try
        {
            await release.PublishAsync(server.BaseAddress, NextVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            output.Log.Error("updates", ex.GetType().Name, ex.Message);
            published = $"{texts.ReleaseToolFailed} {texts.DetailsInLog(output.Log.Path)}";
        }

        var after = await pc2.CheckAsync(cancellationToken).ConfigureAwait(false);
        Record("updates",
            published is null
                && before.UpdateDecision?.Kind == Faktum.Licensing.Updates.UpdateDecisionKind.UpToDate
                && after.UpdateDecision is { Kind: Faktum.Licensing.Updates.UpdateDecisionKind.UpdateAvailable, Release.Version: NextVersion },
            published ?? $"{texts.Updates(before.UpdateDecision)} → {texts.Updates(after.UpdateDecision)}");
    }

    /// <summary>S9: the first computer registers a second company with the same e-mail address and confirms it with the password mailed for it.</summary>
    private async Task<bool> SecondCompanyAsync(EmbeddedServer server, IFaktumLicensing pc1, List<string> seen, CancellationToken cancellationToken)
    {
        var registered = await pc1.RegisterCompanyAsync(
            BakeryRegistration with { CompanyName = Catering, Postcode = "3811 AB", Street = "Langestraat", HouseNumber = "5", City = "Amersfoort" },
            cancellationToken).ConfigureAwait(false);
        if (!registered.Succeeded)
        {
            return Record("second-company", false, Describe("second-company", SdkFailure.From(registered)), registered.Failure);
        }

        var password = await Mailbox.WaitForPasswordAsync(server.MailDirectory, Email, seen, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (password is null)
        {
            return Record("second-company", false, output.Texts.MailFolder(server.MailDirectory));
        }

        seen.Add(password);
        var confirmed = await pc1.ConfirmAsync(Email, password, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Record("second-company", confirmed.Succeeded && confirmed.Value is { State: LicenseState.Trial, Company.Name: Catering },
            confirmed.Succeeded ? $"{Catering}: {output.Texts.State(confirmed.Value)}" : Describe("second-company", SdkFailure.From(confirmed)), confirmed.Failure, confirmed.Value);
    }

    private static async Task<IReadOnlyList<CompanyLicense>> CompaniesAsync(IFaktumLicensing computer, CancellationToken cancellationToken) =>
        await computer.GetCompaniesAsync(cancellationToken).ConfigureAwait(false) is { Succeeded: true } listed ? listed.Value : [];

    /// <summary>A failed step in the chosen language, from the SDK's typed result; the server's own words go to the log.</summary>
    private string Describe(string step, SdkFailure failure)
    {
        output.Log.Failure(step, failure);
        return string.Join(" ", output.Texts.Explain(failure));
    }

    private bool Record(string id, bool ok, string detail, LicensingFailure failure = LicensingFailure.None, LicenseStatus? status = null, IReadOnlyList<CompanyLicense>? companies = null)
    {
        var described = companies?.Select(c => new { licenseId = c.LicenseId, name = c.Profile.Name, current = c.IsCurrent, status = output.Describe(id, c.Status) }).ToList();
        _steps.Add(new Step(id, output.Texts.DemoStep(id), ok, detail, failure == LicensingFailure.None ? null : failure, status is null ? null : output.Describe(id, status), described));
        output.Line($"  [{(ok ? "ok" : "!!")}] {output.Texts.DemoStep(id)}");
        output.Line($"       {detail}");
        return ok;
    }

    private int Finish()
    {
        var ok = _steps.All(s => s.Ok) && _steps.Any(s => s.Id == "updates");
        var message = ok ? output.Texts.DemoPassed : output.Texts.DemoFailed;
        return output.Json
            ? output.Done("demo", message, new() { ["steps"] = _steps }, ok ? ExitCodes.Success : ExitCodes.Error)
            : output.Done("demo", (ok ? "OK: " : "!! ") + message, exitCode: ok ? ExitCodes.Success : ExitCodes.Error);
    }

    internal sealed record Step(string Id, string Title, bool Ok, string Detail, LicensingFailure? Failure = null, object? Status = null, object? Companies = null);
}
