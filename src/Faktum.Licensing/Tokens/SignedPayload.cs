using System.Buffers;
using System.Text.Json;

namespace Faktum.Licensing.Tokens;

/// <summary>
/// The verified payload of a <see cref="SignedJwt"/>: a <see cref="JsonDocument"/> over a pooled buffer. Dispose it once
/// done reading; the buffer then goes back to the pool (cleared), and the document refuses further reads.
/// </summary>
internal sealed class SignedPayload : IDisposable
{
    private readonly JsonDocument _document;
    private byte[]? _buffer;

    public SignedPayload(JsonDocument document, byte[] buffer)
    {
        _document = document;
        _buffer = buffer;
    }

    /// <summary>Gets the payload object. Clone what must outlive <see cref="Dispose"/>.</summary>
    public JsonElement RootElement => _document.RootElement;

    public void Dispose()
    {
        _document.Dispose();
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
