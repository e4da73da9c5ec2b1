using System.Globalization;
using System.Text;

namespace MapDashboard.Domain.Permissions;

/// <summary>
/// How personal data looks when masked: enough to tell people apart on a shared screen, not enough to identify
/// or call them. Characters are counted as users see them (text elements), so a name is never cut inside one.
/// </summary>
public static class Masking
{
    const char Star = '*';

    public static string Mask(PersonalKind kind, string value) => kind switch
    {
        PersonalKind.Name => Name(value),
        PersonalKind.Phone => Phone(value),
        PersonalKind.Contact => Contact(value),
        PersonalKind.Address => Address(value),
        _ => new string(Star, 4),
    };

    /// <summary>
    /// The actors a history records that are no person: the server's own work and doors (system:case,
    /// demo:dispatcher, open311:client, the generic reporter / resident / api / leader of a report) — see the
    /// history codes the client words (i18n actor_*).
    /// </summary>
    static readonly string[] RoleActors = ["reporter", "resident", "api", "leader"];

    static readonly string[] MachineActorPrefixes = ["system:", "demo:", "open311:"];

    /// <summary>
    /// Whether a value in a name field names no person: a system or door actor, or a territory unit's code (a finding
    /// is assigned to a unit, 620102001003, as often as to a person). Those are shown as they are.
    /// </summary>
    public static bool NamesNoPerson(string value)
    {
        var text = value.Trim();
        if (RoleActors.Contains(text) || MachineActorPrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal))) return true;
        // A unit code: six or more digits, then dash-separated numbers (620102001001-05-1).
        var parts = text.Split('-');
        return parts[0].Length >= 6 && parts.All(part => part.Length > 0 && part.All(char.IsAsciiDigit));
    }

    /// <summary>张三丰 → 张**; a one-character name is all stars (its first character would be all of it); a value that names no person (<see cref="NamesNoPerson"/>) as it is.</summary>
    public static string Name(string value)
    {
        if (NamesNoPerson(value)) return value;
        var text = value.Trim();
        var elements = TextElements(text);
        if (elements.Count == 0) return "";
        if (elements.Count == 1) return Star.ToString();
        return elements[0] + new string(Star, elements.Count - 1);
    }

    /// <summary>
    /// 13812347010 → 138****7010: the first three and the last four digits stay, every other digit is a star,
    /// separators stay where they are (0931-8123456 → 093*-***3456). With fewer than eight digits only the last two stay.
    /// </summary>
    public static string Phone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        var (keepHead, keepTail) = digits >= 8 ? (3, 4) : (0, 2);
        var result = new StringBuilder(value.Length);
        var index = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) { result.Append(c); continue; }
            result.Append(index < keepHead || index >= digits - keepTail ? c : Star);
            index++;
        }
        return result.ToString();
    }

    /// <summary>A reporter's contact: an e-mail (z***@example.com), a phone (as <see cref="Phone"/>) or a name.</summary>
    public static string Contact(string value)
    {
        var text = value.Trim();
        var at = text.LastIndexOf('@');
        if (at > 0 && at < text.Length - 1)
            return TextElements(text[..at])[0] + "***" + text[at..];
        return text.Count(char.IsAsciiDigit) >= 7 ? Phone(text) : Name(text);
    }

    /// <summary>
    /// An exact address keeps its coarse part, up to the first digit (the road, the compound), and loses the rest
    /// behind four stars, whatever its length: 雁南路123号5单元301室 → 雁南路****. Without a number: the first half.
    /// </summary>
    public static string Address(string value)
    {
        var text = value.Trim();
        var elements = TextElements(text);
        var firstDigit = elements.FindIndex(e => e.Any(char.IsDigit));
        var keep = firstDigit >= 0 ? firstDigit : elements.Count / 2;
        return string.Concat(elements.Take(keep)) + new string(Star, 4);
    }

    static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        return elements;
    }
}
