using MapDashboard.Data.Photos;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Permissions;

namespace MapDashboard.Server.Photos;

/// <summary>
/// THE rule of who may see a photo, in one place for the picture, its thumbnail and whatever door serves them later.
/// A photo shows people, homes and number plates, so it is personal data of its incident: an account sees it where
/// the permission rule lets it see the incident's personal data (<see cref="Capability.SeePersonalData"/> — staff
/// in their jurisdiction, never the wall display), and a worker also sees the photos of incidents assigned to them
/// wherever they lie (<see cref="Capability.HandleIncident"/>, scope Own). Nobody else: not signed in is refused
/// before this (401). The resident's tracking link (issue 15, item 3) will be a second kind of holder judged here,
/// against the photo's incident; it does not exist yet.
/// </summary>
public sealed class PhotoAccess(Jurisdiction jurisdiction)
{
    /// <summary>Why <paramref name="viewer"/> may not see <paramref name="photo"/>, or null when it may.</summary>
    public async Task<string?> RefusalAsync(Viewer? viewer, StoredPhoto photo, CancellationToken cancel)
    {
        if (viewer is null) return "sign in to see photos";
        var incident = Concern.Incident(photo.IncidentCode);
        if (await jurisdiction.RefusalAsync(viewer, Capability.SeePersonalData, [incident], cancel) is not { } refusal) return null;
        if (await jurisdiction.CanActAsync(viewer, Capability.HandleIncident, incident, cancel)) return null;
        return $"a photo is personal data of its incident, shown only to who may see that incident's personal data: {refusal}";
    }
}
