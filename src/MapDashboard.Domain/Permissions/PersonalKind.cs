namespace MapDashboard.Domain.Permissions;

/// <summary>What a personal-data value is, which decides how it is masked (<see cref="Masking"/>).</summary>
public enum PersonalKind
{
    /// <summary>A person's name (张三 → 张*); also free-text actor names in histories.</summary>
    Name,
    /// <summary>A telephone number (13812347010 → 138****7010).</summary>
    Phone,
    /// <summary>A reporter's contact: a phone, an e-mail address or a name.</summary>
    Contact,
    /// <summary>An exact home address: the house number and what follows are hidden.</summary>
    Address,
}
