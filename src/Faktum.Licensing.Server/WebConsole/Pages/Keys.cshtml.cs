using Faktum.Licensing.Server.Hosting;
using Faktum.Licensing.Server.Keys;

namespace Faktum.Licensing.Server.WebConsole.Pages;

/// <summary>The keys: which one signs, which only verify, the JWKS exactly as served, and the rotation steps. Nothing to act on.</summary>
public sealed class KeysModel : ConsolePageModel
{
    public IReadOnlyList<(string KeyId, bool Signs, DateTime? WrittenAt)> KeyRows { get; private set; } = [];

    public string Jwks { get; private set; } = string.Empty;

    public void OnGet()
    {
        var keys = HttpContext.RequestServices.GetRequiredService<SigningKeyRing>();
        var rows = new List<(string, bool, DateTime?)>();
        for (var i = 0; i < keys.Keys.Count; i++)
        {
            rows.Add((keys.Keys[i].Key.KeyId, i == keys.Keys.Count - 1, keys.Keys[i].WrittenAt));
        }

        rows.AddRange(keys.VerificationOnly.Select(k => (k.KeyId, false, (DateTime?)null)));
        KeyRows = rows;
        Jwks = ServerApplication.Jwks(keys); // byte for byte what /.well-known/jwks.json answers
    }
}
