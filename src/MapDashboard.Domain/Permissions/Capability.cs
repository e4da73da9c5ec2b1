namespace MapDashboard.Domain.Permissions;

/// <summary>What an account may want to do; <see cref="RoleMatrix"/> says where each role may do it.</summary>
public enum Capability
{
    /// <summary>See who a person is, masked (张**, 138****7010): names, phones, contacts, home addresses.</summary>
    SeePersonalData,
    /// <summary>Reveal personal data unmasked on explicit request (?reveal=true), which is audited.</summary>
    RevealPersonalData,
    /// <summary>Redraw a territory unit's boundary (PUT /api/territory/{code}/boundary).</summary>
    EditBoundary,
    /// <summary>The dispatch desk's incident steps: dispatch (社区派单), rate (群众评单 on the resident's behalf), close.</summary>
    DispatchIncident,
    /// <summary>The handler's incident steps: accept (党员接单), resolve.</summary>
    HandleIncident,
    /// <summary>Report an incident (POST /api/incidents): what anyone in the field sees.</summary>
    ReportIncident,
    /// <summary>Assign, resolve, accept a finding where ownership is unclear, or open it as a case.</summary>
    MoveFinding,
    /// <summary>Change a hazard's status or severity.</summary>
    EditHazard,
    /// <summary>Save, edit, delete a planned patrol route.</summary>
    EditRoute,
    /// <summary>The district-wide findings settings and a full recomputation.</summary>
    FindingSettings,
}

public static class Capabilities
{
    /// <summary>What the capability lets one do, for a refusal: "a display account may not {verb}".</summary>
    public static string Verb(this Capability capability) => capability switch
    {
        Capability.SeePersonalData => "see personal data",
        Capability.RevealPersonalData => "reveal personal data",
        Capability.EditBoundary => "redraw territory boundaries",
        Capability.DispatchIncident => "dispatch, rate or close incidents",
        Capability.HandleIncident => "accept or resolve incidents",
        Capability.ReportIncident => "report incidents",
        Capability.MoveFinding => "assign, resolve or accept findings or open them as cases",
        Capability.EditHazard => "change hazards",
        Capability.EditRoute => "save, edit or delete patrol routes",
        Capability.FindingSettings => "change the district-wide findings settings or recompute the findings",
        _ => capability.ToString(),
    };
}
