namespace Faktum.Licensing.Http;

/// <summary>One Ed25519 key of the server's JWKS (<c>/.well-known/jwks.json</c>): its <c>kid</c> and public key <c>x</c> (base64url).</summary>
internal sealed record PublishedKey(string KeyId, string X);
