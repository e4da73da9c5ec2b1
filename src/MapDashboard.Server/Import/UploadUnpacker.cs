using System.IO.Compression;

namespace MapDashboard.Server.Import;

/// <summary>
/// Puts an uploaded file into its own folder as the engine reads it: a GeoPackage or GeoJSON as it is, a zip's one
/// Shapefile set (.shp with its .dbf, .shx, .prj, .cpg) unpacked flat under the zip's name (the audit trail names the file uploaded). A zip entry naming a parent folder or an
/// absolute path is refused (nothing is written outside the folder); entries and unpacked bytes are bounded.
/// </summary>
public static class UploadUnpacker
{
    static readonly string[] ShapefileParts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];

    /// <summary>The path of the file to import (the .shp of a set), written under <paramref name="folder"/>.</summary>
    public static async Task<string> UnpackAsync(Stream upload, string fileName, string folder, ImportOptions limits, CancellationToken cancel)
    {
        var head = new byte[16];
        var read = await upload.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancel);
        upload.Position = 0;
        var name = SafeName(fileName);
        switch (UploadFormat.Sniff(head.AsSpan(0, read)))
        {
            case UploadKind.GeoPackage: return await CopyAsync(upload, Path.Combine(folder, name + ".gpkg"), cancel);
            case UploadKind.GeoJson: return await CopyAsync(upload, Path.Combine(folder, name + ".geojson"), cancel);
            case UploadKind.Zip: return await UnzipShapefileAsync(upload, name, folder, limits, cancel);
            default:
                throw new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "Not an importable file",
                    $"the bytes of '{fileName}' are not a zip (of a Shapefile set), a GeoPackage or a GeoJSON document (its name does not count)");
        }
    }

    static async Task<string> UnzipShapefileAsync(Stream upload, string name, string folder, ImportOptions limits, CancellationToken cancel)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(upload, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw Bad("Unreadable zip", $"the zip cannot be read: {e.Message}"); }
        using (zip)
        {
            if (zip.Entries.Count > limits.MaxZipEntries)
                throw Bad("Too many zip entries", $"the zip holds {zip.Entries.Count} entries; a Shapefile set needs a few, the limit is {limits.MaxZipEntries}");
            foreach (var entry in zip.Entries)
                if (Path.IsPathRooted(entry.FullName) || entry.FullName.Split('/', '\\').Contains(".."))
                    throw Bad("Unsafe zip entry", $"zip entry '{entry.FullName}' points outside the zip's own folder");
            var files = zip.Entries.Where(e => e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToList();
            var shp = files.Where(e => Extension(e) == ".shp").ToList();
            if (shp.Count != 1)
                throw Bad("Not one Shapefile", shp.Count == 0 ? "the zip holds no .shp file: zip the .shp with its .dbf, .shx, .prj (and .cpg)"
                    : $"the zip holds {shp.Count} .shp files ({string.Join(", ", shp.Select(e => e.FullName))}); import one layer at a time");
            var set = files.Where(e => SameSet(e, shp[0]) && ShapefileParts.Contains(Extension(e))).ToList();
            if (!set.Any(e => Extension(e) == ".dbf"))
                throw Bad("Incomplete Shapefile", $"the zip has no .dbf beside {shp[0].FullName}: the attributes are in it");

            long unpacked = 0;
            foreach (var entry in set)
            {
                await using var source = entry.Open();
                await using var target = File.Create(Path.Combine(folder, name + Extension(entry)));
                var buffer = new byte[81920];
                int n;
                while ((n = await source.ReadAsync(buffer, cancel)) > 0)
                {
                    if ((unpacked += n) > limits.MaxUnpackedBytes)
                        throw new UploadRefusal(StatusCodes.Status413PayloadTooLarge, "Zip too large when unpacked",
                            $"the Shapefile set unpacks to more than {limits.MaxUnpackedBytes:N0} bytes");
                    await target.WriteAsync(buffer.AsMemory(0, n), cancel);
                }
            }
            return Path.Combine(folder, name + ".shp");
        }
    }

    static async Task<string> CopyAsync(Stream upload, string path, CancellationToken cancel)
    {
        await using var target = File.Create(path);
        await upload.CopyToAsync(target, cancel);
        return path;
    }

    static string Extension(ZipArchiveEntry e) => Path.GetExtension(e.Name).ToLowerInvariant();

    static bool SameSet(ZipArchiveEntry e, ZipArchiveEntry shp) =>
        string.Equals(Path.ChangeExtension(e.FullName, null), Path.ChangeExtension(shp.FullName, null), StringComparison.OrdinalIgnoreCase);

    /// <summary>The upload's own name without its extension and without anything a file system reads as a path (the audit trail names it).</summary>
    static string SafeName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var safe = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return safe.Length == 0 ? "upload" : safe.Length > 80 ? safe[..80] : safe;
    }

    static UploadRefusal Bad(string title, string detail) => new(StatusCodes.Status400BadRequest, title, detail);
}
