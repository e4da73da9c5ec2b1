namespace MapDashboard.Tools.Bench;

/// <summary>
/// What a Mapbox Vector Tile says, independent of the order its features were written in: per layer, each feature's
/// id, type, geometry commands and attributes (key = value), sorted. ST_AsMVT writes features in the order the query
/// returns its rows, and the tile SQL has no ORDER BY (the plan decides: a connection's first executions of a
/// statement get custom plans, later ones may get the generic plan of the prepared statement), so two correct
/// answers for the same tile can differ in bytes and even in length (the key and value tables follow first use).
/// </summary>
public static class MvtContent
{
    public static string Describe(ReadOnlySpan<byte> tile)
    {
        var layers = new List<string>();
        var at = 0;
        while (at < tile.Length)
        {
            var (field, wire) = Key(tile, ref at);
            if (field == 3 && wire == 2) layers.Add(Layer(LengthDelimited(tile, ref at)));
            else Skip(tile, ref at, wire);
        }
        layers.Sort(StringComparer.Ordinal);
        return string.Join("\n", layers);
    }

    static string Layer(ReadOnlySpan<byte> layer)
    {
        var name = "";
        var keys = new List<string>();
        var values = new List<string>();
        var features = new List<(ulong? Id, ulong Type, string Geometry, List<uint> Tags)>();
        var at = 0;
        while (at < layer.Length)
        {
            var (field, wire) = Key(layer, ref at);
            switch (field, wire)
            {
                case (1, 2): name = System.Text.Encoding.UTF8.GetString(LengthDelimited(layer, ref at)); break;
                case (2, 2): features.Add(Feature(LengthDelimited(layer, ref at))); break;
                case (3, 2): keys.Add(System.Text.Encoding.UTF8.GetString(LengthDelimited(layer, ref at))); break;
                case (4, 2): values.Add(Convert.ToHexString(LengthDelimited(layer, ref at))); break;
                default: Skip(layer, ref at, wire); break;
            }
        }
        var described = features.Select(f =>
        {
            var tags = Enumerable.Range(0, f.Tags.Count / 2).Select(i => $"{keys[(int)f.Tags[2 * i]]}={values[(int)f.Tags[2 * i + 1]]}");
            return $"{f.Id}|{f.Type}|{f.Geometry}|{string.Join(",", tags)}";
        }).Order(StringComparer.Ordinal);
        return $"{name}:\n{string.Join("\n", described)}";
    }

    static (ulong? Id, ulong Type, string Geometry, List<uint> Tags) Feature(ReadOnlySpan<byte> feature)
    {
        ulong? id = null;
        ulong type = 0;
        var geometry = "";
        var tags = new List<uint>();
        var at = 0;
        while (at < feature.Length)
        {
            var (field, wire) = Key(feature, ref at);
            switch (field, wire)
            {
                case (1, 0): id = Varint(feature, ref at); break;
                case (2, 2):
                    var packed = LengthDelimited(feature, ref at);
                    for (var p = 0; p < packed.Length;) tags.Add((uint)Varint(packed, ref p));
                    break;
                case (3, 0): type = Varint(feature, ref at); break;
                case (4, 2): geometry = Convert.ToHexString(LengthDelimited(feature, ref at)); break;
                default: Skip(feature, ref at, wire); break;
            }
        }
        return (id, type, geometry, tags);
    }

    static (int Field, int Wire) Key(ReadOnlySpan<byte> bytes, ref int at)
    {
        var key = Varint(bytes, ref at);
        return ((int)(key >> 3), (int)(key & 7));
    }

    static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }

    static ReadOnlySpan<byte> LengthDelimited(ReadOnlySpan<byte> bytes, ref int at)
    {
        var length = (int)Varint(bytes, ref at);
        var slice = bytes.Slice(at, length);
        at += length;
        return slice;
    }

    static void Skip(ReadOnlySpan<byte> bytes, ref int at, int wire)
    {
        switch (wire)
        {
            case 0: Varint(bytes, ref at); break;
            case 1: at += 8; break;
            case 2: LengthDelimited(bytes, ref at); break;
            case 5: at += 4; break;
            default: throw new InvalidDataException($"protobuf wire type {wire} is not used by vector tiles");
        }
    }
}
