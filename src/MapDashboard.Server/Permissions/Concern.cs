using MapDashboard.Data;
using NetTopologySuite.Geometries;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// What a write concerns, by which the rule finds its territory unit (and, for an incident, the worker it is
/// assigned to): each kind is a query beside this file, judged by verdict.sql. A handler names its concern in
/// one line, at its mapping (<see cref="ActingFilter"/>).
/// </summary>
public sealed record Concern(string What, string Sql, object? Key)
{
    static readonly string Verdict = SqlResource.Beside<Concern>("verdict.sql");

    static string Of(string file) => Verdict.Replace("{concern}", SqlResource.Beside<Concern>(file).TrimEnd().TrimEnd(';'));

    static readonly string UnitSql = Of("concern_unit.sql");
    static readonly string IncidentSql = Of("concern_incident.sql");
    static readonly string FindingSql = Of("concern_finding.sql");
    static readonly string HazardSql = Of("concern_hazard.sql");
    static readonly string RouteSql = Of("concern_route.sql");
    static readonly string PlaceSql = Of("concern_place.sql");
    static readonly string DistrictSql = Of("concern_district.sql");

    /// <summary>A territory unit by code: the unit a boundary edit redraws, the grid a route is planned for.</summary>
    public static Concern Unit(string code) => new("", UnitSql, code);

    public static Concern Incident(string code) => new($"incident {code}", IncidentSql, code);

    public static Concern Finding(long id) => new($"finding {id}", FindingSql, id);

    public static Concern Hazard(string code) => new($"hazard {code}", HazardSql, code);

    public static Concern Route(long id) => new($"route {id}", RouteSql, id);

    /// <summary>Where a request puts something (a route's line, EPSG:4326): the smallest unit it lies in whole.</summary>
    public static Concern Place(Geometry geometry, string what) => new(what, PlaceSql, geometry);

    /// <summary>What concerns the whole district.</summary>
    public static Concern District { get; } = new("the district", DistrictSql, null);
}
