namespace MapDashboard.Server.Import;

/// <summary>An upload that cannot be taken (not a zip, GeoPackage or GeoJSON by its bytes; an unsafe or oversized zip), with the status and the reason.</summary>
public sealed class UploadRefusal(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
