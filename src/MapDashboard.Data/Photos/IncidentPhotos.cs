using Dapper;
using MapDashboard.Data.Audit;
using Npgsql;

namespace MapDashboard.Data.Photos;

/// <summary>A cleaned photo as stored: its random id and what the server measured of it (nothing the client declared).</summary>
public sealed record PhotoRow(string Id, string ContentType, string UploadedFormat, int Bytes, int Width, int Height,
    int ThumbnailBytes, int ThumbnailWidth, int ThumbnailHeight);

/// <summary>A photo to serve: its content type and the incident that decides who may see it.</summary>
public sealed record StoredPhoto(string Id, string ContentType, string IncidentCode);

/// <summary>Refused because the action would hold more photos than allowed; nothing was written.</summary>
public sealed class PhotoLimitException(int existing, int adding, int limit)
    : Exception($"this step already has {existing} photo(s); {adding} more would make {existing + adding}, and the limit is {limit} per step")
{
    public int Existing { get; } = existing;
}

/// <summary>
/// The photo rows of incidents (migration 0027). Rows are written in the caller's transaction (or one of their own)
/// after the incident is locked and its action's photos counted, so the per-action limit holds under concurrent
/// uploads; the audit trigger records each insert with the request's scope.
/// </summary>
public sealed class IncidentPhotos(NpgsqlDataSource db)
{
    static readonly string LockSql = SqlResource.Beside<IncidentPhotos>("lock_incident.sql");
    static readonly string InsertSql = SqlResource.Beside<IncidentPhotos>("insert_photo.sql");
    static readonly string FindSql = SqlResource.Beside<IncidentPhotos>("find_photo.sql");
    static readonly string IdSql = SqlResource.Beside<IncidentPhotos>("incident_id.sql");
    static readonly string CountSql = SqlResource.Beside<IncidentPhotos>("count_photos.sql");

    sealed record Locked(long Id, int Existing);

    /// <summary>The incident's id by code, or null.</summary>
    public async Task<long?> IncidentIdAsync(string code, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(IdSql, new { code }, cancellationToken: cancel));
    }

    /// <summary>How many photos the incident's action holds (for an early refusal; the insert counts again under its lock).</summary>
    public async Task<int> CountAsync(long incidentId, string action, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.QuerySingleAsync<int>(new CommandDefinition(CountSql, new { id = incidentId, action }, cancellationToken: cancel));
    }

    /// <summary>Adds the rows in a transaction of their own, as <paramref name="who"/>; throws <see cref="PhotoLimitException"/> past the limit.</summary>
    public async Task AddAsync(long incidentId, string action, IReadOnlyList<PhotoRow> photos, int limit, string createdBy, AuditScope who,
        CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await using var tx = await conn.BeginTransactionAsync(cancel);
        await who.ApplyAsync(conn, tx, cancel);
        await AddAsync(conn, tx, incidentId, action, photos, limit, createdBy);
        await tx.CommitAsync(cancel);
    }

    /// <summary>Adds the rows inside the caller's transaction (an Open311 report and its media commit together).</summary>
    public static async Task AddAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long incidentId, string action,
        IReadOnlyList<PhotoRow> photos, int limit, string createdBy)
    {
        var locked = await conn.QuerySingleAsync<Locked>(LockSql, new { id = incidentId, action }, tx);
        if (locked.Existing + photos.Count > limit) throw new PhotoLimitException(locked.Existing, photos.Count, limit);
        foreach (var photo in photos)
            await conn.ExecuteAsync(InsertSql, new
            {
                photo.Id, incidentId, action, photo.ContentType, photo.UploadedFormat, photo.Bytes, photo.Width, photo.Height,
                photo.ThumbnailBytes, photo.ThumbnailWidth, photo.ThumbnailHeight, createdBy,
            }, tx);
    }

    /// <summary>The photo with this id, or null.</summary>
    public async Task<StoredPhoto?> FindAsync(string id, CancellationToken cancel)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        return await conn.QuerySingleOrDefaultAsync<StoredPhoto>(new CommandDefinition(FindSql, new { id }, cancellationToken: cancel));
    }
}
