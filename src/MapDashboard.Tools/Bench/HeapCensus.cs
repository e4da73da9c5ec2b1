using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// What the page's JS heap holds, counted by kind: a DevTools heap snapshot summed by node type and name (for objects
/// the constructor's name), self sizes only. Two censuses a soak apart say which kind grew, where the heap figure
/// alone only says that something did. A snapshot stops the page for a few seconds, so the soak takes two.
/// </summary>
public sealed class HeapCensus(IReadOnlyDictionary<string, (long Count, long Bytes)> kinds)
{
    public IReadOnlyDictionary<string, (long Count, long Bytes)> Kinds => kinds;

    public static async Task<HeapCensus> TakeAsync(ICDPSession devTools)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wall-{Guid.NewGuid():N}.heapsnapshot");
        try
        {
            await WriteSnapshotAsync(devTools, file);
            await using var stream = File.OpenRead(file);
            using var snapshot = await JsonDocument.ParseAsync(stream);
            return new HeapCensus(Count(snapshot.RootElement));
        }
        finally { File.Delete(file); }
    }

    /// <summary>The kinds that grew most in bytes from <paramref name="before"/> to this census, with their counts.</summary>
    public void PrintGrowthSince(HeapCensus before, TextWriter report, int top = 20)
    {
        var rows = kinds.Keys.Union(before.Kinds.Keys)
            .Select(k =>
            {
                var now = kinds.GetValueOrDefault(k);
                var then = before.Kinds.GetValueOrDefault(k);
                return (Kind: k, Count: now.Count, CountGrowth: now.Count - then.Count, Bytes: now.Bytes, BytesGrowth: now.Bytes - then.Bytes);
            })
            .OrderByDescending(r => r.BytesGrowth).Take(top);
        report.WriteLine($"  {"kind (type: name)",-60} {"count",9} {"Δ count",9} {"MB",8} {"Δ MB",8}");
        foreach (var r in rows)
            report.WriteLine($"  {Shorten(r.Kind, 60),-60} {r.Count,9} {r.CountGrowth,9:+0;-0} {r.Bytes / 1048576.0,8:F2} {r.BytesGrowth / 1048576.0,8:+0.00;-0.00}");
    }

    static async Task WriteSnapshotAsync(ICDPSession devTools, string file)
    {
        await using var output = new StreamWriter(file, false, new UTF8Encoding(false));
        var chunks = devTools.Event("HeapProfiler.addHeapSnapshotChunk");
        // Chunks arrive as events while takeHeapSnapshot runs; the command returns after the last one.
        void Write(object? sender, JsonElement? e) => output.Write(e!.Value.GetProperty("chunk").GetString());
        chunks.OnEvent += Write;
        try
        {
            await devTools.SendAsync("HeapProfiler.takeHeapSnapshot", new() { ["reportProgress"] = false });
        }
        finally { chunks.OnEvent -= Write; }
    }

    /// <summary>Sums the flat node array by type and name, with the field layout the snapshot's own meta gives.</summary>
    static Dictionary<string, (long Count, long Bytes)> Count(JsonElement root)
    {
        var meta = root.GetProperty("snapshot").GetProperty("meta");
        var fields = meta.GetProperty("node_fields").EnumerateArray().Select(f => f.GetString()!).ToList();
        var types = meta.GetProperty("node_types")[0].EnumerateArray().Select(t => t.GetString()!).ToArray();
        int typeAt = fields.IndexOf("type"), nameAt = fields.IndexOf("name"), sizeAt = fields.IndexOf("self_size");
        var strings = root.GetProperty("strings").EnumerateArray().Select(s => s.GetString() ?? "").ToArray();
        var census = new Dictionary<string, (long Count, long Bytes)>();
        var node = new long[fields.Count];
        var i = 0;
        foreach (var value in root.GetProperty("nodes").EnumerateArray())
        {
            node[i++] = value.GetInt64();
            if (i < fields.Count) continue;
            i = 0;
            var type = types[node[typeAt]];
            // Strings and code are named by their text; their kind is enough.
            var name = type is "object" or "closure" or "native" or "array" ? strings[node[nameAt]] : "";
            var key = $"{type}: {name}";
            var (count, bytes) = census.GetValueOrDefault(key);
            census[key] = (count + 1, bytes + node[sizeAt]);
        }
        return census;
    }

    static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
