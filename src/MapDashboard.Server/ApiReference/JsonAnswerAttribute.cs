namespace MapDashboard.Server.ApiReference;

/// <summary>
/// Marks a record that mirrors a JSON answer exactly (most are written by PostGIS with json_build_object, so ASP.NET
/// cannot see their shape): it exists only to describe the answer in the OpenAPI document. Every constructor
/// parameter without a default value is a property the answer always has (json_build_object writes its keys even
/// when the value is null); a nullable one may be null. The OpenAPI document test fetches real answers and checks
/// them against the description, so the record cannot drift from the SQL.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class JsonAnswerAttribute : Attribute;
