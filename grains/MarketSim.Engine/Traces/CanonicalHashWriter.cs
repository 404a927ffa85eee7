using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MarketSim.Engine.Traces;

/// <summary>
/// Feeds values to SHA-256 in the canonical encoding documented on <see cref="TraceHasher"/>, or, made with a
/// spool, writes that encoding to the spool for a later <see cref="Append(Stream)"/> (a streamed trace's table,
/// whose row count comes before its rows). Values are batched in a buffer because hashing a few bytes at a time
/// is dominated by call overhead, and a trace has millions of values.
/// </summary>
internal sealed class CanonicalHashWriter : IDisposable
{
    private const int BufferSize = 4096;

    /// <summary>The quiet NaN with no sign and no payload, which is also what Python and NumPy produce.</summary>
    private const long CanonicalNaNBits = 0x7FF8_0000_0000_0000;

    private readonly IncrementalHash? _hash;
    private readonly Stream? _spool;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;

    /// <summary>Hashes what is written.</summary>
    public CanonicalHashWriter() => _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Encodes what is written into <paramref name="spool"/>, for a hashing writer to <see cref="Append(Stream)"/> later.</summary>
    public CanonicalHashWriter(Stream spool) => _spool = spool;

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
            Deliver(Encoding.UTF8.GetBytes(value));
            return;
        }

        Reserve(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>Appends the encoded bytes <paramref name="spooled"/> holds from its start, as if they were written here.</summary>
    public void Append(Stream spooled)
    {
        Flush();
        spooled.Position = 0;
        int read;
        while ((read = spooled.Read(_buffer)) > 0)
        {
            Deliver(_buffer.AsSpan(0, read));
        }
    }

    /// <summary>Moves what is buffered into the spool (a spooling writer; a hashing one needs no call).</summary>
    public void Flush()
    {
        Deliver(_buffer.AsSpan(0, _length));
        _length = 0;
    }

    /// <summary>Returns the lowercase hex digest of everything written so far.</summary>
    public string Finish()
    {
        var hash = _hash ?? throw new InvalidOperationException("a spooling writer has no digest");
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose() => _hash?.Dispose();

    private void Reserve(int byteCount)
    {
        if (_length + byteCount > BufferSize)
        {
            Flush();
        }
    }

    private void Deliver(ReadOnlySpan<byte> bytes)
    {
        if (_hash is not null)
        {
            _hash.AppendData(bytes);
        }
        else
        {
            _spool!.Write(bytes);
        }
    }
}
