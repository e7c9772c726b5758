using System.Buffers.Binary;
using System.Text;
using QuakeGrid.Core.Validation;

namespace QuakeGrid.Cli.Fields;

/// <summary>
/// The compact binary field file (<c>.bin</c>) described in <c>docs/gmf-binary-format.md</c>, little-endian:
/// <list type="number">
/// <item>header, 32 bytes: magic <c>"QGGMF\0\0\0"</c> (8 bytes), uint32 version (1), uint32 value size in bytes
/// (4 = float32, 8 = float64), uint32 component (0 = total ln IM, 1 = within eps), uint32 reserved (0),
/// int32 N (sites), int32 E (events);</item>
/// <item>N float64 longitudes, then N float64 latitudes (degrees);</item>
/// <item>N·E values, site-major (site i, event e at i·E + e), in the value size of the header.</item>
/// </list>
/// Site ids are the row numbers 0..N−1 (the order of the input sites).
/// </summary>
public static class GmfBinaryFormat
{
    public static ReadOnlySpan<byte> Magic => "QGGMF\0\0\0"u8;
    public const int Version = 1;
    public const int HeaderBytes = 32;

    public static void Write(Stream s, GmfFields f, bool float32)
    {
        using var w = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the .bin writer needs a little-endian machine");
        w.Write(Magic);
        w.Write((uint)Version);
        w.Write((uint)(float32 ? 4 : 8));
        w.Write((uint)(f.Component == GmfComponent.Total ? 0 : 1));
        w.Write(0u);
        w.Write(f.Sites);
        w.Write(f.Events);
        foreach (var x in f.Lon) w.Write(x);
        foreach (var y in f.Lat) w.Write(y);
        w.Flush();
        var buffer = new byte[1 << 16];
        var perValue = float32 ? 4 : 8;
        var used = 0;
        foreach (var v in f.Values)
        {
            if (used + perValue > buffer.Length)
            {
                s.Write(buffer, 0, used);
                used = 0;
            }
            if (float32) BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(used), (float)v);
            else BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(used), v);
            used += perValue;
        }
        s.Write(buffer, 0, used);
    }

    /// <summary>Reads a <c>.bin</c> file; a malformed file is a <see cref="QuakeGridInputException"/> naming the field.</summary>
    public static GmfFields Read(string path)
    {
        using var s = File.OpenRead(path);
        using var r = new BinaryReader(s);
        if (s.Length < HeaderBytes) throw new QuakeGridInputException(path, "header", null, "file shorter than the 32-byte header");
        var magic = r.ReadBytes(8);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new QuakeGridInputException(path, "header", "magic", "not a QuakeGrid field file (magic QGGMF)");
        var version = r.ReadUInt32();
        if (version != Version) throw new QuakeGridInputException(path, "header", "version", $"unsupported version {version} (expected {Version})");
        var size = r.ReadUInt32();
        if (size is not (4 or 8)) throw new QuakeGridInputException(path, "header", "value_size", $"value size {size} must be 4 or 8");
        var component = r.ReadUInt32();
        if (component > 1) throw new QuakeGridInputException(path, "header", "component", $"component {component} must be 0 (total) or 1 (within)");
        r.ReadUInt32();
        var n = r.ReadInt32();
        var e = r.ReadInt32();
        if (n < 0 || e < 0) throw new QuakeGridInputException(path, "header", "N/E", "negative count");
        var expected = HeaderBytes + 16L * n + (long)n * e * size;
        if (s.Length != expected) throw new QuakeGridInputException(path, "header", "N/E", $"file has {s.Length} bytes, the header implies {expected}");
        var lon = new double[n];
        var lat = new double[n];
        for (var i = 0; i < n; i++) lon[i] = r.ReadDouble();
        for (var i = 0; i < n; i++) lat[i] = r.ReadDouble();
        var values = new double[(long)n * e];
        for (long k = 0; k < values.LongLength; k++) values[k] = size == 4 ? r.ReadSingle() : r.ReadDouble();
        var ids = new string[n];
        for (var i = 0; i < n; i++) ids[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new GmfFields(ids, lon, lat, e, values, component == 0 ? GmfComponent.Total : GmfComponent.Within);
    }
}
