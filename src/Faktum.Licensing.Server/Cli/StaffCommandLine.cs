using System.CommandLine;
using System.Text.Json;
using Faktum.Licensing.Server.Storage;
using Faktum.Licensing.Server.WebConsole.Staff;

namespace Faktum.Licensing.Server.Cli;

/// <summary>
/// <c>staff add|reset|list</c>: the web console's staff accounts, changed directly in the data folder's database (there is no
/// default account and no default password). <c>add</c> and <c>reset</c> print a generated password once, or read one
/// from stdin with <c>--password-stdin</c>; the TOTP is set up at the first sign-in. Exit codes: 0 done, 1 refused (the
/// address exists, or is unknown), 2 bad input (role, e-mail address, password, data folder).
/// </summary>
internal static class StaffCommandLine
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(Option<string> dataDir, TextWriter output, TextWriter error, TextReader input)
    {
        var staff = new Command("staff", "The web console's staff accounts (roles: owner, support, read-only).");
        staff.Options.Add(dataDir);
        var email = new Option<string>("--email") { Description = "The staff member's e-mail address.", Required = true };
        var role = new Option<string>("--role") { Description = "owner | support | read-only.", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password (at least 12 characters) from the first line of stdin instead of generating one." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text.", Recursive = true };
        staff.Options.Add(json);

        var add = new Command("add", "Add a staff member; prints the initial password once (unless --password-stdin).") { email, role, passwordStdin };
        add.SetAction(async (parse, ct) =>
        {
            if (!StaffRoles.TryParse(parse.GetValue(role), out var chosenRole))
            {
                return Fail(error, $"--role '{parse.GetValue(role)}' is not one of owner, support, read-only.", 2);
            }

            return await WithDirectoryAsync(parse, async directory =>
            {
                if (!TryPassword(parse.GetValue(passwordStdin), input, error, out var password, out var generated))
                {
                    return 2;
                }

                var added = await directory.AddAsync(parse.GetValue(email)!, chosenRole, password, ct).ConfigureAwait(false);
                if (added is null)
                {
                    return Fail(error, $"A staff member with the e-mail address '{StaffDirectory.Normalize(parse.GetValue(email)!)}' exists already; use staff reset.", 1);
                }

                Print(parse.GetValue(json), output, added, generated ? password : null, "Added");
                return 0;
            }).ConfigureAwait(false);
        });

        var reset = new Command("reset", "Give a staff member a new password, remove the TOTP (set up again at the next sign-in) and lift a lockout.") { email, passwordStdin };
        reset.SetAction(async (parse, ct) => await WithDirectoryAsync(parse, async directory =>
        {
            if (!TryPassword(parse.GetValue(passwordStdin), input, error, out var password, out var generated))
            {
                return 2;
            }

            var changed = await directory.ResetAsync(parse.GetValue(email)!, password, ct).ConfigureAwait(false);
            if (changed is null)
            {
                return Fail(error, $"No staff member has the e-mail address '{StaffDirectory.Normalize(parse.GetValue(email)!)}'; see staff list.", 1);
            }

            Print(parse.GetValue(json), output, changed, generated ? password : null, "Reset");
            return 0;
        }).ConfigureAwait(false));

        var list = new Command("list", "List the staff members: e-mail, role, TOTP set up, locked.");
        list.SetAction(async (parse, ct) => await WithDirectoryAsync(parse, async directory =>
        {
            var all = await directory.ListAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { staff = all.Select(Describe).ToList() }, Json));
            }
            else
            {
                foreach (var member in all)
                {
                    output.WriteLine($"{member.Email}  {StaffRoles.Name(member.Role)}  totp:{(member.TotpConfirmedAt is null ? "not set up" : "set up")}{(member.LockedUntil is { } until ? $"  locked until {until:u}" : string.Empty)}");
                }
            }

            return 0;
        }).ConfigureAwait(false));

        staff.Subcommands.Add(add);
        staff.Subcommands.Add(reset);
        staff.Subcommands.Add(list);
        return staff;

        async Task<int> WithDirectoryAsync(ParseResult parse, Func<StaffDirectory, Task<int>> run)
        {
            ServiceProvider provider;
            try
            {
                provider = ServerCommandLine.DirectServices(parse.GetValue(dataDir)!);
            }
            catch (InvalidOperationException e)
            {
                return Fail(error, e.Message, 2);
            }

            await using var disposeProvider = provider.ConfigureAwait(false);
            var scope = provider.CreateAsyncScope();
            await using var disposeScope = scope.ConfigureAwait(false);
            return await run(new StaffDirectory(scope.ServiceProvider.GetRequiredService<LicensingDbContext>(), TimeProvider.System)).ConfigureAwait(false);
        }
    }

    private static bool TryPassword(bool fromStdin, TextReader input, TextWriter error, out string password, out bool generated)
    {
        generated = !fromStdin;
        password = fromStdin ? input.ReadLine() ?? string.Empty : StaffPasswordHasher.Generate();
        if (StaffPasswordHasher.IsAcceptable(password))
        {
            return true;
        }

        Fail(error, $"The password from stdin must have {StaffPasswordHasher.MinimumLength} to {StaffPasswordHasher.MaximumLength} characters.", 2);
        return false;
    }

    private static void Print(bool json, TextWriter output, ConsoleStaff staff, string? generatedPassword, string verb)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { staff = Describe(staff), password = generatedPassword }, Json));
            return;
        }

        output.WriteLine($"{verb} {staff.Email} ({StaffRoles.Name(staff.Role)}).");
        if (generatedPassword is not null)
        {
            output.WriteLine($"Password (shown once): {generatedPassword}");
        }

        output.WriteLine("The TOTP is set up at the first sign-in to /console.");
    }

    private static object Describe(ConsoleStaff staff) => new
    {
        email = staff.Email,
        role = StaffRoles.Name(staff.Role),
        totpSetUp = staff.TotpConfirmedAt is not null,
        lockedUntil = staff.LockedUntil,
        createdAt = staff.CreatedAt,
    };

    private static int Fail(TextWriter error, string message, int code)
    {
        error.WriteLine(message);
        return code;
    }
}
