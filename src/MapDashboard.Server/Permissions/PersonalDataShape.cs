using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Layers;

namespace MapDashboard.Server.Permissions;

/// <summary>
/// Where personal data sits in one kind of JSON answer: the items it is judged per (<see cref="Items"/>: "" the
/// document itself, "[]" each element of a top-level array, "features[]" each feature), where an item's territory
/// unit is (<see cref="UnitPaths"/>, the first present counting) and its personal fields with how each is masked.
/// Paths are dot-separated property names; a name ending in [] stands for every element of that array
/// ("history[].actor"). A layer's features take theirs from its declaration (<see cref="ForLayer"/>).
/// </summary>
public sealed record PersonalDataShape(string Items, IReadOnlyList<string> UnitPaths, IReadOnlyList<PersonalProperty> Fields)
{
    /// <summary>Personal fields of an answer of its own: <c>Of("", ["grid.code"], ("grid.gridWorker.name", PersonalKind.Name))</c>.</summary>
    public static PersonalDataShape Of(string items, string[] unitPaths, params (string Path, PersonalKind Kind)[] fields) =>
        new(items, unitPaths, fields.Select(f => new PersonalProperty(f.Path, f.Kind)).ToList());

    /// <summary>The same with more personal fields (a layer's feature answered with its history).</summary>
    public PersonalDataShape With(params (string Path, PersonalKind Kind)[] fields) =>
        this with { Fields = [.. Fields, .. fields.Select(f => new PersonalProperty(f.Path, f.Kind))] };

    /// <summary>A layer's GeoJSON: one Feature, or a FeatureCollection of them; properties and unit as the layer declares.</summary>
    public static PersonalDataShape ForLayer(LayerDeclaration layer, bool collection = false) =>
        new(collection ? "features[]" : "",
            layer.PersonalDataUnit.Select(u => $"properties.{u}").ToList(),
            layer.Personal.Select(p => p with { Name = $"properties.{p.Name}" }).ToList());
}
