using System.Text;
using System.Text.RegularExpressions;

namespace MapDashboard.IntegrationTests.Layers;

/// <summary>
/// The property names two SQL texts give a layer's features, read from the text itself: the output columns
/// of a tile's features query, and the keys of the 'properties' object a live feature is built with.
/// </summary>
public static class SqlNames
{
    /// <summary>The names of a select list's columns (alias, else the column's own name), comments ignored.</summary>
    public static List<string> SelectColumns(string sql)
    {
        var text = WithoutComments(sql);
        var start = Regex.Match(text, @"\bselect\b", RegexOptions.IgnoreCase).Index + "select".Length;
        var items = TopLevel(text, start, stopAtFrom: true);
        return items.Select(ColumnName).ToList();
    }

    /// <summary>The keys of <c>'properties', jsonb_build_object(…)</c> in a feature-building text.</summary>
    public static List<string> PropertyKeys(string sql)
    {
        var text = WithoutComments(sql);
        var at = Regex.Match(text, @"'properties',\s*jsonb_build_object\(");
        Assert.True(at.Success, $"no 'properties', jsonb_build_object( in:\n{sql}");
        var args = TopLevel(text, at.Index + at.Length, stopAtFrom: false);
        return args.Where((_, i) => i % 2 == 0).Select(k => k.Trim().Trim('\'')).ToList();
    }

    static string ColumnName(string item)
    {
        var alias = Regex.Match(item, @"\bas\s+(""[^""]+""|\w+)\s*$", RegexOptions.IgnoreCase);
        var name = alias.Success ? alias.Groups[1].Value : item.Trim().Split('.')[^1];
        return name.Trim('"');
    }

    // Comma-separated items at parenthesis depth 0 from `start`, ending at a top-level `from` (a select list)
    // or at the closing parenthesis of the call `start` is inside (an argument list). Quotes are skipped.
    static List<string> TopLevel(string text, int start, bool stopAtFrom)
    {
        var items = new List<string>();
        var item = new StringBuilder();
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                item.Append(text, i, end - i + 1);
                i = end;
                continue;
            }
            if (depth == 0 && stopAtFrom && Regex.IsMatch(text[i..Math.Min(text.Length, i + 6)], @"^\bfrom\b", RegexOptions.IgnoreCase)
                && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '_'))
                break;
            if (c == '(') depth++;
            if (c == ')' && depth-- == 0) break;
            if (c == ',' && depth == 0)
            {
                items.Add(item.ToString().Trim());
                item.Clear();
                continue;
            }
            item.Append(c);
        }
        items.Add(item.ToString().Trim());
        return items;
    }

    static string WithoutComments(string sql) => Regex.Replace(sql, @"--[^\n]*", "");
}
