using System.Text.Json;
using Microsoft.Playwright;

namespace MapDashboard.Tools.Bench;

/// <summary>
/// Where the wall's frames spend the main thread, over one measuring window: the test hook's per-layer render times
/// (window.mapDashboard.renderProfile, src/MapDashboard.Web/src/map/renderProfile.ts) and, with <c>--profile</c>, the
/// DevTools protocol's sampling CPU profile summed by function (self time). Both are read from the page, so they show
/// what this build costs whatever else the machine runs; the sampler itself costs a few per cent.
/// </summary>
public sealed class WallProfile
{
    const int TopFunctions = 25;
    readonly IPage _page;
    readonly ICDPSession _devTools;
    readonly bool _sample;

    WallProfile(IPage page, ICDPSession devTools, bool sample) => (_page, _devTools, _sample) = (page, devTools, sample);

    public sealed record LayerTime(string Layer, double RenderMs, double DeclutterMs, double DeferredMs, int Calls)
    {
        public double TotalMs => RenderMs + DeclutterMs + DeferredMs;
    }

    public sealed record Result(int Renders, double RenderMs, LayerTime[] Layers, (string Function, double Ms)[] Functions, double SampledMs)
    {
        /// <summary>Live changes the page applied in the window, and its link's state at the end.</summary>
        public long Applied { get; init; }
        public string LinkState { get; init; } = "";
        /// <summary>The whole browser's CPU over the window by thread (<see cref="BrowserThreads"/>): compositing included.</summary>
        public string BrowserCpu { get; init; } = "";
        /// <summary>Renders of the map of what animates over the district's (the wall's rings and pulses) and their time.</summary>
        public int AnimationRenders { get; init; }
        public double AnimationRenderMs { get; init; }
        /// <summary>Renders of the map of the worker dots over the district's and their time.</summary>
        public int DotsRenders { get; init; }
        public double DotsRenderMs { get; init; }
        /// <summary>Renders of the base map under the district's (a desk's roads and water) and their time; null without one.</summary>
        public int? BaseRenders { get; init; }
        public double BaseRenderMs { get; init; }
    }

    /// <summary>Starts counting (and sampling, if asked) from now.</summary>
    public static async Task<WallProfile> StartAsync(IPage page, ICDPSession devTools, bool sample)
    {
        var profile = new WallProfile(page, devTools, sample);
        await profile.TakeHookAsync();
        if (sample)
        {
            await devTools.SendAsync("Profiler.enable");
            await devTools.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 1000 });
            await devTools.SendAsync("Profiler.start");
        }
        return profile;
    }

    public async Task<Result> StopAsync()
    {
        var hook = await TakeHookAsync();
        (string, double)[] functions = [];
        double sampled = 0;
        if (_sample)
        {
            var answer = await _devTools.SendAsync("Profiler.stop");
            (functions, sampled) = SelfTimes(answer!.Value.GetProperty("profile"));
        }
        if (hook is not { } h) return new Result(0, 0, [], functions, sampled);
        var layers = h.GetProperty("layers").EnumerateObject().Select(l => new LayerTime(l.Name,
                l.Value.GetProperty("render").GetDouble(), l.Value.GetProperty("declutter").GetDouble(),
                l.Value.GetProperty("deferred").GetDouble(), l.Value.GetProperty("calls").GetInt32()))
            .OrderByDescending(l => l.TotalMs).ToArray();
        return new Result(h.GetProperty("renders").GetInt32(), h.GetProperty("renderMs").GetDouble(), layers, functions, sampled)
        {
            // An older bundle has no animation map: none counted.
            AnimationRenders = h.TryGetProperty("animationRenders", out var n) ? n.GetInt32() : 0,
            AnimationRenderMs = h.TryGetProperty("animationRenderMs", out var ms) ? ms.GetDouble() : 0,
            // …and none of the worker dots.
            DotsRenders = h.TryGetProperty("dotsRenders", out var d) ? d.GetInt32() : 0,
            DotsRenderMs = h.TryGetProperty("dotsRenderMs", out var dms) ? dms.GetDouble() : 0,
            // Only a view with a base map under its district's (the desks) reports one.
            BaseRenders = h.TryGetProperty("baseRenders", out var b) ? b.GetInt32() : null,
            BaseRenderMs = h.TryGetProperty("baseRenderMs", out var bms) ? bms.GetDouble() : 0,
        };
    }

    /// <summary>The hook's totals since its previous call (null: a bundle without the hook, or an older one).</summary>
    async Task<JsonElement?> TakeHookAsync()
    {
        // As JSON text: the page's own serialisation, not the driver's encoding of special numbers.
        var taken = await _page.EvaluateAsync<string?>("() => window.mapDashboard && window.mapDashboard.renderProfile ? JSON.stringify(window.mapDashboard.renderProfile()) : null");
        return taken is null ? null : JsonDocument.Parse(taken).RootElement;
    }

    /// <summary>Self time per function (name, file and line), from the samples and their time deltas.</summary>
    static ((string, double)[], double) SelfTimes(JsonElement profile)
    {
        var names = new Dictionary<int, string>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            var name = frame.GetProperty("functionName").GetString();
            var url = frame.GetProperty("url").GetString() ?? "";
            var file = url.Length > 0 ? $" {url[(url.LastIndexOf('/') + 1)..].Split('?')[0]}:{frame.GetProperty("lineNumber").GetInt32() + 1}:{frame.GetProperty("columnNumber").GetInt32() + 1}" : "";
            names[node.GetProperty("id").GetInt32()] = (string.IsNullOrEmpty(name) ? "(anonymous)" : name) + file;
        }
        var self = new Dictionary<string, double>();
        var samples = profile.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetDouble() / 1000).ToArray();
        // A sample's delta is the time since the previous sample: it belongs to the previous sample's function.
        for (var i = 1; i < samples.Length; i++)
        {
            var name = names[samples[i - 1]];
            self[name] = self.GetValueOrDefault(name) + deltas[i];
        }
        var total = self.Values.Sum();
        return (self.OrderByDescending(s => s.Value).Take(TopFunctions).Select(s => (s.Key, s.Value)).ToArray(), total);
    }

    public static void Print(TextWriter report, string window, Result r, int frames, double seconds)
    {
        if (r.BrowserCpu.Length > 0) report.WriteLine($"{window}: {r.BrowserCpu}");
        if (r.Renders > 0)
        {
            report.WriteLine($"{window}: {r.Renders} map renders in {seconds:F0} s ({frames} animation frames), {r.RenderMs / r.Renders:F1} ms a render, {r.RenderMs / seconds:F0} ms/s; " +
                             $"{r.Applied} live changes applied, link {r.LinkState}");
            if (r.AnimationRenders > 0)
                report.WriteLine($"  animation map (rings, pulses): {r.AnimationRenders} renders, {r.AnimationRenderMs / r.AnimationRenders:F1} ms a render, {r.AnimationRenderMs / seconds:F0} ms/s");
            if (r.DotsRenders > 0)
                report.WriteLine($"  worker dots' map: {r.DotsRenders} renders, {r.DotsRenderMs / r.DotsRenders:F1} ms a render, {r.DotsRenderMs / seconds:F0} ms/s");
            if (r.BaseRenders is { } baseRenders)
                report.WriteLine($"  base map (roads, water): {baseRenders} renders" + (baseRenders > 0 ? $", {r.BaseRenderMs / baseRenders:F1} ms a render" : ""));
            report.WriteLine($"  {"layer",-34} {"ms/render",10} {"render",8} {"declutter",10} {"deferred",9} {"drawn in",9}");
            foreach (var l in r.Layers.Where(l => l.TotalMs >= 0.05 * r.Renders))
                report.WriteLine($"  {l.Layer,-34} {l.TotalMs / r.Renders,10:F1} {l.RenderMs / r.Renders,8:F1} {l.DeclutterMs / r.Renders,10:F1} {l.DeferredMs / r.Renders,9:F1} {l.Calls,9}");
        }
        if (r.Functions.Length == 0) return;
        report.WriteLine($"  CPU profile, self time over {r.SampledMs:F0} ms sampled (top {r.Functions.Length}):");
        foreach (var (function, ms) in r.Functions)
            report.WriteLine($"    {ms,8:F0} ms {100 * ms / Math.Max(1, r.SampledMs),5:F1}%  {function}");
    }
}
