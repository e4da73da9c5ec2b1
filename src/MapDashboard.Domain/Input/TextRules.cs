using System.Globalization;
using System.Text;

namespace MapDashboard.Domain.Input;

/// <summary>
/// What a piece of user text may hold, for every door (REST, Open311, query strings): no NUL or other control
/// characters (PostgreSQL refuses NUL in text, and XML 1.0 cannot carry most controls, so one stored \u0007
/// would break the Open311 XML feed for everyone), no lone surrogates (not text at all: they cannot be encoded
/// as UTF-8), no noncharacters U+FFFE/U+FFFF (not XML either), and a maximum length counted in text elements —
/// what a user sees as one character (an emoji with a skin tone, a letter with a combining accent) — not UTF-16
/// units. U+FFFD is refused too: decoders put it where a lone surrogate or invalid UTF-8 was. Tab, line feed and carriage return are allowed only in multi-line fields (descriptions, notes).
/// Text is refused, never silently cleaned: the sender learns which field was wrong.
/// </summary>
public static class TextRules
{
    /// <summary>A person, unit, category or finding code, a worker or an API key.</summary>
    public const int MaxCode = 64;

    /// <summary>Who acts (a name or a code), an assignee, an account or device id.</summary>
    public const int MaxName = 100;

    /// <summary>A workflow or finding note.</summary>
    public const int MaxNote = 2000;

    /// <summary>Any query-string or route value not given a stricter limit by its endpoint.</summary>
    public const int MaxQueryValue = 200;

    /// <summary>Why <paramref name="text"/> cannot be accepted as <paramref name="field"/>, or null when it can (null text is fine: "missing" is the caller's rule).</summary>
    public static string? Problem(string? text, string field, int maxLength, bool multiLine = false)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c))
                return $"{field} holds a lone surrogate (U+{(int)c:X4}) at position {i}: that is not text";
            if (multiLine && c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c))
                return $"{field} holds the control character U+{(int)c:X4} at position {i}" + (multiLine ? "; only tab and line breaks are allowed" : "");
            if (c is '\uFFFE' or '\uFFFF')
                return $"{field} holds the noncharacter U+{(int)c:X4} at position {i}";
            // What the JSON and form decoders make of a lone surrogate or of bytes that are not UTF-8: the text
            // was broken when it was sent, and storing the replacement would hide that.
            if (c == '\uFFFD')
                return $"{field} holds U+FFFD at position {i}: the text was not valid Unicode when sent (a lone surrogate or bytes that are not UTF-8)";
        }
        // Cheap upper bound first: a string of n UTF-16 units has at most n text elements.
        if (text.Length > maxLength && Length(text) is var n && n > maxLength)
            return $"{field} has {n} characters; at most {maxLength}";
        return null;
    }

    /// <summary>The first of several fields' problems, or null when every field is fine.</summary>
    public static string? FirstProblem(params (string Field, string? Text, int Max, bool MultiLine)[] fields)
    {
        foreach (var (field, text, max, multiLine) in fields)
            if (Problem(text, field, max, multiLine) is { } problem) return problem;
        return null;
    }

    /// <summary>Characters as a user counts them (grapheme clusters).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Whether XML 1.0 can carry <paramref name="c"/> (surrogate pairs are checked by <see cref="XmlSafe"/>).</summary>
    static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || c >= '\u0020' && c <= '\uFFFD' && !char.IsSurrogate(c);

    /// <summary>
    /// The text with every character XML 1.0 cannot carry removed: output defence for rows stored before the
    /// door checked them, or written with psql. Text that is already clean is returned as is.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            clean = IsXmlChar(text[i]);
        }
        if (clean) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(text[i]).Append(text[++i]); continue; }
            if (IsXmlChar(text[i])) sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
