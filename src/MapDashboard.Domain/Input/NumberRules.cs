using System.Globalization;

namespace MapDashboard.Domain.Input;

/// <summary>
/// Numbers a client sends: finite (NaN and ±Infinity are not measurements, and NaN passes every range
/// comparison: NaN &lt; 0 and NaN &gt; 10000 are both false) and within the field's range.
/// </summary>
public static class NumberRules
{
    /// <summary>Why <paramref name="value"/> cannot be <paramref name="field"/>, or null (null is fine: "missing" is the caller's rule).</summary>
    public static string? Problem(double? value, string field, double min, double max)
    {
        if (value is not { } v) return null;
        if (!double.IsFinite(v)) return $"{field} must be a finite number, not {v.ToString(CultureInfo.InvariantCulture)}";
        if (v < min || v > max)
            return $"{field} {v.ToString(CultureInfo.InvariantCulture)} is out of range: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
        return null;
    }
}
