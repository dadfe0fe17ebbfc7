using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// The breached-password list shipped inside the assembly (<c>breached-passwords.bin</c>, rebuilt by
/// <c>scripts/build-password-list.sh</c>; format in <c>scripts/password-list/build.py</c>): the first
/// 40 bits of SHA-256 of each lower-cased entry, in 65,536 buckets by the first 16 bits, each bucket
/// sorted. Read once, on first use; a lookup hashes on the stack, binary-searches one bucket and
/// allocates nothing. A password that is not on the list is taken for one that is with probability
/// <see cref="Count"/> / 2^40, about 3 in 10 million.
/// </summary>
public sealed class BreachedPasswordList
{
    private const string ResourceName = "Lapor.Web.Infrastructure.Identity.breached-passwords.bin";
    private const int HeaderLength = 12;
    private const int Buckets = 1 << 16;
    private const int EntryLength = 3;

    private static readonly Lazy<BreachedPasswordList> Embedded = new(Load);

    private readonly byte[] _data;
    private readonly int[] _bucketStarts;

    private BreachedPasswordList(byte[] data)
    {
        if (data.Length < HeaderLength + Buckets || !data.AsSpan(0, 4).SequenceEqual("LPW1"u8))
        {
            throw new InvalidOperationException("The breached-password list is not in the expected format.");
        }

        Count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4));
        MaxKeyBytes = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8));
        _bucketStarts = new int[Buckets + 1];
        for (var bucket = 0; bucket < Buckets; bucket++)
        {
            _bucketStarts[bucket + 1] = _bucketStarts[bucket] + data[HeaderLength + bucket];
        }

        if (_bucketStarts[Buckets] != Count || data.Length != HeaderLength + Buckets + (Count * EntryLength))
        {
            throw new InvalidOperationException("The breached-password list is truncated.");
        }

        _data = data;
    }

    /// <summary>The list embedded in the app.</summary>
    public static BreachedPasswordList Instance => Embedded.Value;

    /// <summary>How many distinct entries the list holds.</summary>
    public int Count { get; }

    /// <summary>The longest entry in UTF-8 bytes: nothing longer can be on the list.</summary>
    public int MaxKeyBytes { get; }

    /// <summary>Whether <paramref name="key"/>, already trimmed and lower-cased (A–Z only), is on the list.</summary>
    public bool Contains(ReadOnlySpan<char> key)
    {
        // Every character takes at least one byte, so this also bounds the buffer below (a few hundred bytes).
        if (key.IsEmpty || key.Length > MaxKeyBytes)
        {
            return false;
        }

        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        if (!Encoding.UTF8.TryGetBytes(key, utf8, out var written) || written > MaxKeyBytes)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..written], hash);
        var bucket = (hash[0] << 8) | hash[1];
        var wanted = (hash[2] << 16) | (hash[3] << 8) | hash[4];

        var (low, high) = (_bucketStarts[bucket], _bucketStarts[bucket + 1] - 1);
        var entries = _data.AsSpan(HeaderLength + Buckets);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var entry = entries.Slice(middle * EntryLength, EntryLength);
            var value = (entry[0] << 16) | (entry[1] << 8) | entry[2];
            if (value == wanted)
            {
                return true;
            }

            (low, high) = value < wanted ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    private static BreachedPasswordList Load()
    {
        using var stream = typeof(BreachedPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The breached-password list is not embedded in the assembly.");
        var data = new byte[stream.Length];
        stream.ReadExactly(data);
        return new BreachedPasswordList(data);
    }
}
