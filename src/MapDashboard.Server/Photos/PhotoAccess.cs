using MapDashboard.Data.Photos;
using MapDashboard.Data.Residents;
using MapDashboard.Domain.Permissions;
using MapDashboard.Server.Permissions;

namespace MapDashboard.Server.Photos;

/// <summary>
/// THE rule of who may see a photo, in one place for the picture, its thumbnail and whatever door serves them later.
/// A photo shows people, homes and number plates, so it is personal data of its incident: an account sees it where
/// the permission rule lets it see the incident's personal data (<see cref="Capability.SeePersonalData"/> — staff
/// in their jurisdiction, never the wall display), and a worker also sees the photos of incidents assigned to them
/// wherever they lie (<see cref="Capability.HandleIncident"/>, scope Own). The holder of a resident's tracking link
/// (<c>/report/track/{token}</c>) sees the photos its page shows: the report's and the resolution's of that one
/// incident (<see cref="ResidentTracking.ShowsPhotoAsync"/>), nothing else. Nobody else: not signed in and without a
/// link is refused before this (401).
/// </summary>
public sealed class PhotoAccess(Jurisdiction jurisdiction, ResidentTracking tracking)
{
    /// <summary>Why the holder of tracking link <paramref name="token"/> may not see <paramref name="photo"/>, or null when it may.</summary>
    public async Task<string?> TrackingRefusalAsync(string token, StoredPhoto photo, CancellationToken cancel) =>
        await tracking.ShowsPhotoAsync(token, photo.Id, cancel) ? null : "this tracking link does not show that photo";

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
