using System.Text.Json;

namespace Faktum.Factuur.Screens;

/// <summary>Which path led to a password mail: a new company (S2) or an existing one (S4); the closing screen follows it.</summary>
internal enum RegistrationPath
{
    NewCompany,
    ExistingCompany,
}

/// <summary>
/// A registration or recovery waiting for its one-time password, kept in DATA-DIR/pending.json so that a restart (after
/// Ctrl-C, say) asks for the password instead of starting over. Written atomically: a temporary file, then a rename.
/// <paramref name="AddsCompany"/>: this computer already holds a company and the confirmation adds one (S9), so a restart
/// resumes whatever the current company's state; <paramref name="Recovering"/>: the license id of the company being recovered.
/// </summary>
internal sealed record PendingConfirmation(string Email, RegistrationPath Path, bool AddsCompany = false, string? Recovering = null)
{
    private const string FileName = "pending.json";

    public static PendingConfirmation? Load(string dataDirectory)
    {
        var path = System.IO.Path.Combine(dataDirectory, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<PendingConfirmation>(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = System.IO.Path.Combine(dataDirectory, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, path, overwrite: true);
    }

    public static void Clear(string dataDirectory) => File.Delete(System.IO.Path.Combine(dataDirectory, FileName));
}
