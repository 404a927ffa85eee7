using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MarketSim.Engine.Traces;

/// <summary>
/// Feeds values to SHA-256 in the canonical encoding documented on <see cref="TraceHasher"/>.
/// Values are batched in a buffer because hashing a few bytes at a time is dominated by call
/// overhead, and a trace has millions of values.
/// </summary>
internal sealed class CanonicalHashWriter : IDisposable
{
    private const int BufferSize = 4096;

    /// <summary>The quiet NaN with no sign and no payload, which is also what Python and NumPy produce.</summary>
    private const long CanonicalNaNBits = 0x7FF8_0000_0000_0000;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;

    public void WriteInt64(long value)
    {
        Reserve(sizeof(long));
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), value);
        _length += sizeof(long);
    }

    public void WriteDouble(double value)
    {
        // -0.0 == 0.0 and NaN has many bit patterns: values that compare (or print) the same hash the same.
        var bits = double.IsNaN(value) ? CanonicalNaNBits
            : value == 0.0 ? 0L
            : BitConverter.DoubleToInt64Bits(value);
        WriteInt64(bits);
    }

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteInt64(byteCount);
        if (byteCount > BufferSize)
        {
            Flush();
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
            return;
        }

        Reserve(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>Returns the lowercase hex digest of everything written so far.</summary>
    public string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose() => _hash.Dispose();

    private void Reserve(int byteCount)
    {
        if (_length + byteCount > BufferSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _length);
        _length = 0;
    }
}
