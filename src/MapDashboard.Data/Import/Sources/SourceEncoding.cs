using System.Text;

namespace MapDashboard.Data.Import.Sources;

/// <summary>
/// The text encoding of a Shapefile's attributes. Chinese survey data is usually GBK (code page 936) with or without
/// a .cpg saying so; .NET knows GBK only once the code-pages provider is registered.
/// </summary>
public static class SourceEncoding
{
    static SourceEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>An encoding by the names a .cpg or a user writes: GBK, CP936, 936, GB2312, GB18030, UTF-8, UTF8.</summary>
    public static Encoding Named(string name)
    {
        var key = name.Trim().ToUpperInvariant().Replace("-", "").Replace("_", "");
        return key switch
        {
            "UTF8" or "65001" => new UTF8Encoding(false),
            "GBK" or "CP936" or "936" or "GB2312" or "ANSI936" => Encoding.GetEncoding(936),
            "GB18030" or "54936" => Encoding.GetEncoding(54936),
            _ => throw new ImportInputException($"未知的字符编码 {name}（支持 GBK、GB18030、UTF-8）", $"unknown character encoding {name} (GBK, GB18030, UTF-8 are supported)"),
        };
    }

    /// <summary>The .cpg beside a .shp, if there is one.</summary>
    public static Encoding? FromCpg(string shpPath)
    {
        var cpg = Path.ChangeExtension(shpPath, ".cpg");
        return File.Exists(cpg) ? Named(File.ReadAllText(cpg)) : null;
    }
}
