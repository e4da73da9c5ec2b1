using MapDashboard.Data;
using MapDashboard.Server.Hosting;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MapDashboard.Server.Photos;

/// <summary>
/// Every <see cref="PhotoOptions.SweepEverySeconds"/>, on every node (deleting twice is harmless): files of the photo
/// folder that no photo row holds and that were written more than <see cref="OrphanAge"/> ago are deleted — the photos
/// of a deleted incident (its rows go by cascade, the files stay) and the files of an upload that crashed between
/// writing them and committing its rows. The hour spares an upload still under way: its files are written seconds
/// before its rows commit. A file that cannot be deleted is logged and left for the next run; a failing run is logged
/// and shown in /api/health, and the next one tries again (<see cref="PeriodicDatabaseService"/>).
/// </summary>
public sealed class PhotoSweep(NpgsqlDataSource db, PhotoFolder folder, IOptions<PhotoOptions> options, BackgroundHealth health, ILogger<PhotoSweep> log)
    : PeriodicDatabaseService(health, log)
{
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    const int IdsPerQuery = 5000;

    static readonly string HeldSql = SqlResource.Beside<PhotoSweep>("photos_held.sql");

    protected override string Name => "Photo folder sweep";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SweepEverySeconds);

    protected override async Task RunOnceAsync(CancellationToken stop)
    {
        var swept = await SweepAsync(db, folder, log, stop);
        if (swept > 0) log.LogInformation("Deleted {Count} photo files no photo row holds", swept);
    }

    /// <summary>Deletes the orphan files older than <see cref="OrphanAge"/>; how many.</summary>
    public static async Task<int> SweepAsync(NpgsqlDataSource db, PhotoFolder folder, ILogger log, CancellationToken cancel = default)
    {
        var old = folder.PhotoFilesWrittenBefore(DateTime.UtcNow - OrphanAge).ToList();
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ids in old.Select(f => f.Id).Distinct().Chunk(IdsPerQuery))
        {
            await using var cmd = db.CreateCommand(HeldSql);
            cmd.Parameters.AddWithValue("ids", ids);
            await using var reader = await cmd.ExecuteReaderAsync(cancel);
            while (await reader.ReadAsync(cancel)) held.Add(reader.GetString(0));
        }
        var swept = 0;
        foreach (var (path, _) in old.Where(f => !held.Contains(f.Id)))
        {
            try
            {
                File.Delete(path);
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning("Could not delete the orphan photo file {Path}: {Error}", path, e.Message);
            }
        }
        return swept;
    }
}
