using System.CommandLine;
using MapDashboard.Generator;
using MapDashboard.Tools.Bench;

namespace MapDashboard.Tools;

/// <summary><c>bench tiles | live | findings | patrols | coverage | geometry | photos | wall | import | ogc</c>: the benchmarks, each printing its figures and the baseline measured in the same run.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks on a throw-away private PostGIS cluster");
        bench.Subcommands.Add(Tiles());
        bench.Subcommands.Add(Live());
        bench.Subcommands.Add(Findings());
        bench.Subcommands.Add(Patrols());
        bench.Subcommands.Add(Coverage());
        bench.Subcommands.Add(Geometry());
        bench.Subcommands.Add(Photos());
        bench.Subcommands.Add(Wall());
        bench.Subcommands.Add(Import());
        bench.Subcommands.Add(Ogc());
        return bench;
    }

    static Command Import()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.City };
        var rounds = new Option<int>("--rounds") { Description = "measured rounds, each on a fresh database; medians are reported", DefaultValueFactory = _ => 3 };
        var command = new Command("import", "Import of the district's buildings from a GeoPackage (with validation) against ogr2ogr loading the same file into PostGIS: time and peak memory") { size, rounds };
        command.SetAction(parse => ImportBenchmark.RunAsync(new ImportBenchmark.Settings(
            parse.GetValue(size), DistrictGenerator.DefaultSeed, parse.GetValue(rounds)), Console.Out));
        return command;
    }

    static Command Ogc()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.City };
        var rounds = new Option<int>("--rounds") { Description = "measured rounds; medians are reported", DefaultValueFactory = _ => 3 };
        var pageSize = new Option<int>("--page-size") { Description = "features a page GDAL asks for (its OAPIF PAGE_SIZE)", DefaultValueFactory = _ => 1000 };
        var command = new Command("ogc", "OGC API Features: ogr2ogr paging every building through /ogc against ogr2ogr reading the table straight from PostGIS, features/s") { size, rounds, pageSize };
        command.SetAction(parse => OgcBenchmark.RunAsync(new OgcBenchmark.Settings(
            parse.GetValue(size), DistrictGenerator.DefaultSeed, parse.GetValue(rounds), parse.GetValue(pageSize)), Console.Out));
        return command;
    }

    static Command Wall()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.City };
        var workers = new Option<int>("--workers") { Description = "grid workers pinging once a second while live", DefaultValueFactory = _ => 2000 };
        var changes = new Option<int>("--changes-per-second") { Description = "hazard changes streamed while live", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "measured seconds, paused and live", DefaultValueFactory = _ => 20 };
        var warmUp = new Option<int>("--warm-up") { Description = "seconds after the first full render, and after the load starts, before measuring", DefaultValueFactory = _ => 15 };
        var soak = new Option<TimeSpan?>("--soak") { Description = "also leave the wall on under load this long (e.g. 2h, 30m), a sample a minute, one server and one PostgreSQL restart" };
        soak.CustomParser = r => DurationOption.Parse(r.Tokens.Single().Value);
        var output = new Option<string>("--output") { Description = "folder for the figures and screenshots", DefaultValueFactory = _ => Path.Combine("bench-output", $"wall-{DateTime.UtcNow:yyyyMMdd-HHmmss}") };
        var webRoot = new Option<string?>("--web-root") { Description = "serve another build of the web client (a copy of an earlier wwwroot), to compare two builds" };
        var profile = new Option<bool>("--profile") { Description = "also sample the page's CPU (DevTools profiler) in each window and print the functions that took it" };
        var noScreenshots = new Option<bool>("--no-screenshots") { Description = "skip the 1080p and 4K screenshots (quicker runs when comparing builds)" };
        var view = new Option<string>("--view") { Description = "the page measured: wall (/wall, a display account) or lead (/lead as it opens, the whole district, a district leader's account)", DefaultValueFactory = _ => WallView.Wall.Name };
        view.AcceptOnlyFromAmong(WallView.All.Select(v => v.Name).ToArray());
        var command = new Command("wall", "/wall in chromium on a generated district under live load: frame gaps paused and live, long tasks, heap, DOM, each layer's render time; --soak for slopes and recovery")
            { size, workers, changes, seconds, warmUp, soak, output, webRoot, profile, noScreenshots, view };
        command.SetAction(parse => WallBenchmark.RunAsync(new WallBenchmark.Settings(parse.GetValue(size), parse.GetValue(workers), parse.GetValue(changes),
            parse.GetValue(seconds), parse.GetValue(warmUp), parse.GetValue(soak), parse.GetValue(output)!, parse.GetValue(webRoot),
            parse.GetValue(profile), !parse.GetValue(noScreenshots), WallView.Named(parse.GetValue(view)!)), Console.Out));
        return command;
    }

    static Command Photos()
    {
        var photos = new Option<int>("--photos") { Description = "photos per round and side", DefaultValueFactory = _ => 24 };
        var concurrency = new Option<int>("--concurrency") { Description = "uploads in flight (and the server's Photos:ConcurrentDecodes)", DefaultValueFactory = _ => 2 };
        var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 3 };
        var width = new Option<int>("--width") { DefaultValueFactory = _ => 4032 };
        var height = new Option<int>("--height") { DefaultValueFactory = _ => 3024 };
        var distinct = new Option<int>("--distinct") { Description = "different photos, reused in turn", DefaultValueFactory = _ => 6 };
        var command = new Command("photos", "Photo upload and thumbnailing through the endpoint against the bare cleaning of the same photos")
            { photos, concurrency, rounds, width, height, distinct };
        command.SetAction(parse => PhotoBenchmark.RunAsync(new PhotoBenchmark.Settings(parse.GetValue(photos), parse.GetValue(concurrency),
            parse.GetValue(rounds), parse.GetValue(width), parse.GetValue(height), parse.GetValue(distinct)), Console.Out));
        return command;
    }

    static Command Findings()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.City };
        var full = new Option<int>("--full-runs") { DefaultValueFactory = _ => 3 };
        var edits = new Option<int>("--edits") { DefaultValueFactory = _ => 9 };
        var command = new Command("findings", "Full and incremental recomputation of ownership findings, time and peak memory") { size, full, edits };
        command.SetAction(parse => FindingsBenchmark.RunAsync(new FindingsBenchmark.Settings(
            parse.GetValue(size), DistrictGenerator.DefaultSeed, parse.GetValue(full), parse.GetValue(edits)), Console.Out));
        return command;
    }

    static Command Coverage()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.City };
        var shift = new Option<double>("--shift-hours") { Description = "hours each grid's worker walks", DefaultValueFactory = _ => 8 };
        var interval = new Option<int>("--interval") { Description = "seconds between two pings", DefaultValueFactory = _ => 5 };
        var cityRuns = new Option<int>("--city-runs") { DefaultValueFactory = _ => 3 };
        var gridRuns = new Option<int>("--grid-runs") { DefaultValueFactory = _ => 7 };
        var connections = new Option<int>("--connections") { Description = "backends draining the city-day at once", DefaultValueFactory = _ => 2 };
        var command = new Command("coverage", "Coverage recomputation for one grid-day and the whole city-day, time and peak memory")
            { size, shift, interval, cityRuns, gridRuns, connections };
        command.SetAction(parse => CoverageBenchmark.RunAsync(new CoverageBenchmark.Settings(
            parse.GetValue(size), DistrictGenerator.DefaultSeed, parse.GetValue(shift), parse.GetValue(interval),
            parse.GetValue(cityRuns), parse.GetValue(gridRuns), parse.GetValue(connections)), Console.Out));
        return command;
    }

    static Command Geometry()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.Demo };
        var hours = new Option<int>("--worker-hours") { Description = "worker-hours in the batch", DefaultValueFactory = _ => 100 };
        var pings = new Option<int>("--pings") { Description = "pings per worker-hour (one piece)", DefaultValueFactory = _ => 720 };
        var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 15 };
        var command = new Command("geometry", "Track pieces into patrol_store_hours: hand-written EWKB against NetTopologySuite parameters") { size, hours, pings, rounds };
        command.SetAction(parse => GeometryBenchmark.RunAsync(new GeometryBenchmark.Settings(
            parse.GetValue(size), DistrictGenerator.DefaultSeed, parse.GetValue(hours), parse.GetValue(pings), parse.GetValue(rounds)), Console.Out));
        return command;
    }

    static Command Patrols()
    {
        var size = new Option<DistrictSize>("--size") { DefaultValueFactory = _ => DistrictSize.City };
        var workers = new Option<int>("--workers") { DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--pings-per-request") { Description = "one device's batch", DefaultValueFactory = _ => 10 };
        var seconds = new Option<double>("--seconds") { Description = "seconds per rate (a short smoke: 3)", DefaultValueFactory = _ => 20 };
        var rates = new Option<int[]>("--rate") { Description = "offered pings/s, in order; then steps up ×1.5 while sustained", DefaultValueFactory = _ => [400, 4000], AllowMultipleArgumentsPerToken = true };
        var max = new Option<int>("--max-rate") { DefaultValueFactory = _ => 40000 };
        var coverage = new Option<int>("--coverage-refresh-seconds") { Description = "the server's coverage chore (Patrols:Coverage:RefreshSeconds); a day pauses it", DefaultValueFactory = _ => 30 };
        var command = new Command("patrols", "Ping ingest throughput and p99 ingest-to-commit against a bare batched INSERT of the same rows") { size, workers, batch, seconds, rates, max, coverage };
        command.SetAction(parse => PatrolBenchmark.RunAsync(new PatrolBenchmark.Settings(
            parse.GetValue(size), parse.GetValue(workers), parse.GetValue(batch), parse.GetValue(seconds), parse.GetValue(rates)!, parse.GetValue(max),
            parse.GetValue(coverage)), Console.Out));
        return command;
    }

    static Command Live()
    {
        var clients = new Option<int>("--clients") { DefaultValueFactory = _ => 200 };
        var changes = new Option<int>("--changes-per-second") { DefaultValueFactory = _ => 50 };
        var pings = new Option<int>("--pings-per-second") { DefaultValueFactory = _ => 400 };
        var seconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 30 };
        var sampled = new Option<int>("--sampled-clients") { Description = "clients that report each change's receive time", DefaultValueFactory = _ => 20 };
        var client = new Option<LiveClientKind>("--client") { Description = "dotnet (the .NET SignalR client) or node (the npm client; npm-install.sh src/MapDashboard.Tools/LiveClient first)", DefaultValueFactory = _ => LiveClientKind.Dotnet };
        var command = new Command("live", "Commit-to-client latency of the live feed with many SignalR clients") { clients, changes, pings, seconds, sampled, client };
        command.SetAction(parse => LiveBenchmark.RunAsync(new LiveBenchmark.Settings(
            parse.GetValue(clients), parse.GetValue(changes), parse.GetValue(pings), parse.GetValue(seconds), parse.GetValue(sampled), parse.GetValue(client)), Console.Out));
        return command;
    }

    static Command Tiles()
    {
        var size = new Option<DistrictSize>("--size") { Description = "district to generate and load", DefaultValueFactory = _ => DistrictSize.City };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => DistrictGenerator.DefaultSeed };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight", DefaultValueFactory = _ => 8 };
        var rounds = new Option<int>("--rounds") { Description = "measured rounds of each kind; medians are reported", DefaultValueFactory = _ => 5 };
        var zooms = new Option<int[]>("--zoom") { Description = "zoom levels whose tiles cover the district", DefaultValueFactory = _ => [14, 15], AllowMultipleArgumentsPerToken = true };
        var layers = new Option<string[]>("--layer") { DefaultValueFactory = _ => ["grids", "buildings", "hazards"], AllowMultipleArgumentsPerToken = true };

        var command = new Command("tiles", "GET /tiles against the bare ST_AsMVT query for the same tiles") { size, seed, concurrency, rounds, zooms, layers };
        command.SetAction(parse => TileBenchmark.RunAsync(new TileBenchmark.Settings(
            parse.GetValue(size), parse.GetValue(seed), parse.GetValue(concurrency), parse.GetValue(rounds),
            parse.GetValue(zooms)!, parse.GetValue(layers)!), Console.Out));
        return command;
    }
}
