namespace MapDashboard.Server.Tiles;

/// <summary>One vector-tile layer: its name in URLs and in the MVT, the zoom it starts at, and its composed SQL.</summary>
public sealed record TileLayer(string Name, int MinZoom, string Sql);
