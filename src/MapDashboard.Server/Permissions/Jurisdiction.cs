using System.Globalization;
using MapDashboard.Data;
using MapDashboard.Domain.Permissions;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// The permission rule at work: the role table (<see cref="RoleMatrix"/>) applied to one viewer and the territory
/// unit a thing belongs to, "inside" being the unit tree in PostGIS (Schema/60_permissions.sql). Writes ask
/// <see cref="RefusalAsync"/> (through <see cref="ActingFilter"/>); reads ask <see cref="LensAsync"/> for what a
/// viewer receives of personal data (through <see cref="DisclosureFilter"/>, the tiles and the hub).
/// </summary>
public sealed class Jurisdiction(NpgsqlDataSource db, JurisdictionUnits units)
{
    static readonly string LandOutsideSql = SqlResource.Beside<Jurisdiction>("land_outside.sql");

    /// <summary>Whether <paramref name="viewer"/> may see (masked) personal data of something in unit <paramref name="unitCode"/>.</summary>
    public async Task<bool> CanSeePersonalDataAsync(Viewer viewer, string? unitCode, CancellationToken cancel) =>
        PersonalDataRule.For(viewer, await InsideAsync(viewer, unitCode, cancel), reveal: false) != Disclosure.None;

    /// <summary>Whether <paramref name="viewer"/> may use <paramref name="action"/> on <paramref name="concern"/>.</summary>
    public async Task<bool> CanActAsync(Viewer viewer, Capability action, Concern? concern, CancellationToken cancel) =>
        await RefusalAsync(viewer, action, [concern], cancel) is null;

    /// <summary>Why <paramref name="viewer"/> may not use <paramref name="action"/> on these concerns, or null when it may.</summary>
    public async Task<string?> RefusalAsync(Viewer viewer, Capability action, IEnumerable<Concern?> concerns, CancellationToken cancel)
    {
        var scope = viewer.ScopeOf(action);
        if (scope == Scope.Never) return $"{viewer.Described} may not {action.Verb()}";
        if (scope == Scope.Everywhere) return null;
        if (scope == Scope.Jurisdiction && viewer.JurisdictionUnitCode is null)
            return $"{viewer.Described} has no jurisdiction unit, so it may not {action.Verb()} anywhere";
        foreach (var concern in concerns.OfType<Concern>())
            if (await JudgeAsync(viewer, scope, concern, cancel) is { } refusal) return refusal;
        return null;
    }

    async Task<string?> JudgeAsync(Viewer viewer, Scope scope, Concern concern, CancellationToken cancel)
    {
        await using var cmd = db.CreateCommand(concern.Sql);
        if (concern.Key is not null) cmd.Parameters.AddWithValue("key", concern.Key);
        cmd.Parameters.Add(new NpgsqlParameter("root", NpgsqlDbType.Text) { Value = (object?)viewer.JurisdictionUnitCode ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("person", NpgsqlDbType.Text) { Value = (object?)viewer.PersonId ?? DBNull.Value });
        await using var reader = await cmd.ExecuteReaderAsync(cancel);
        if (!await reader.ReadAsync(cancel)) return null; // nothing to judge: the handler answers 404 or 400
        var unit = $"{KindName(reader.GetString(1))} {reader.GetString(0)} {reader.GetString(2)}";
        var place = concern.What.Length == 0 ? unit : $"{concern.What} (in {unit})";
        if (scope == Scope.Own)
            return reader.GetBoolean(4) ? null
                : $"{place} is not assigned to the worker {viewer.Described} is bound to ({viewer.PersonId ?? "none"})";
        if (reader.GetBoolean(3)) return null;
        var root = reader.IsDBNull(5)
            ? $"unit {viewer.JurisdictionUnitCode}, which does not exist"
            : $"{KindName(reader.GetString(5))} {viewer.JurisdictionUnitCode} {reader.GetString(6)}";
        return $"{place} is outside your jurisdiction, {root}";
    }

    /// <summary>
    /// Why a boundary redrawn by <paramref name="viewer"/> may not be saved because it takes land outside their
    /// jurisdiction, or null. District-wide accounts are bounded by the unit's parent only (Territory/boundary_check.sql).
    /// </summary>
    public async Task<string?> LandRefusalAsync(Viewer viewer, Geometry boundary, NpgsqlConnection conn, CancellationToken cancel)
    {
        if (viewer.ScopeOf(Capability.EditBoundary) != Scope.Jurisdiction) return null;
        await using var cmd = new NpgsqlCommand(LandOutsideSql, conn) { CommandTimeout = 120 };
        cmd.Parameters.AddWithValue("boundary", boundary);
        cmd.Parameters.Add(new NpgsqlParameter("root", NpgsqlDbType.Text) { Value = (object?)viewer.JurisdictionUnitCode ?? DBNull.Value });
        return await cmd.ExecuteScalarAsync(cancel) is double outside
            ? $"the new boundary takes {outside.ToString("N2", CultureInfo.InvariantCulture)} m² outside your jurisdiction, "
              + $"unit {viewer.JurisdictionUnitCode}: a boundary may only take land you are responsible for"
            : null;
    }

    /// <summary>
    /// What <paramref name="viewer"/> receives of personal data inside and outside their jurisdiction, with the
    /// jurisdiction's unit codes when the two differ. Nobody signed in: not judged (<see cref="RequestViewer"/>).
    /// </summary>
    public async Task<PersonalDataLens> LensAsync(Viewer? viewer, bool reveal, CancellationToken cancel)
    {
        var lens = LensOf(viewer, reveal);
        if (lens.Inside != lens.Outside) lens.Units = await units.GetAsync(lens.Root!, cancel);
        return lens;
    }

    /// <summary>The lens without its unit codes: enough where PostGIS decides per feature (the tiles).</summary>
    public static PersonalDataLens LensOf(Viewer? viewer, bool reveal)
    {
        if (!viewer.IsJudged()) return PersonalDataLens.Unjudged;
        return new PersonalDataLens(
            PersonalDataRule.For(viewer!, insideJurisdiction: true, reveal),
            PersonalDataRule.For(viewer!, insideJurisdiction: false, reveal),
            viewer!.JurisdictionUnitCode);
    }

    async Task<bool> InsideAsync(Viewer viewer, string? unitCode, CancellationToken cancel) =>
        unitCode is not null && viewer.JurisdictionUnitCode is { } root && (await units.GetAsync(root, cancel)).Contains(unitCode);

    /// <summary>How a refusal names a unit's kind.</summary>
    static string KindName(string kind) => kind switch
    {
        "community_grid" => "grid",
        "dedicated_grid" => "dedicated grid",
        "micro_grid" => "micro-grid",
        "police_grid" => "police grid",
        _ => kind,
    };
}
