using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MapDashboard.Server.Photos;

/// <summary>
/// The photo folder (Photos:Folder; why a folder and not the database: <see cref="Options.PhotoOptions"/>). A photo is
/// two files named by its id — never by anything the client sent — in a subfolder of the id's first two characters
/// (256 folders, so none grows to millions of entries): <c>ab/ab12….jpg</c> (or .png) and <c>ab/ab12….thumb.jpg</c>.
/// Files are written under a temporary name and renamed, so a reader never sees half a photo; they are written
/// before their rows commit and removed if the rows do not, so a row never names a missing file. A crash between
/// the two leaves an orphan file, never a broken row.
/// </summary>
public sealed partial class PhotoFolder
{
    readonly string _root;

    public PhotoFolder(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Root => _root;

    /// <summary>A new photo id: 128 random bits in lower-case hex.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="id"/> has the form of a photo id (anything else is no photo, and never reaches a path).</summary>
    public static bool IsId(string id) => IdForm().IsMatch(id);

    public async Task WriteAsync(string id, string contentType, byte[] picture, byte[] thumbnail, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(id, contentType, false))!);
        await WriteFileAsync(PathOf(id, contentType, false), picture, cancel);
        await WriteFileAsync(PathOf(id, contentType, true), thumbnail, cancel);
    }

    /// <summary>The picture or its thumbnail to stream, or null when the file is missing.</summary>
    public Stream? Open(string id, string contentType, bool thumbnail)
    {
        var path = PathOf(id, contentType, thumbnail);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true) : null;
    }

    /// <summary>Removes a photo's files (its rows were refused).</summary>
    public void Delete(string id, string contentType)
    {
        File.Delete(PathOf(id, contentType, false));
        File.Delete(PathOf(id, contentType, true));
    }

    /// <summary>
    /// The folder's photo files (a picture, a thumbnail, a temporary file a crash left) last written before
    /// <paramref name="cutoff"/>, each with the photo id its name begins with. Files not named by a photo id are not ours: left out.
    /// </summary>
    public IEnumerable<(string Path, string Id)> PhotoFilesWrittenBefore(DateTime cutoff) =>
        !Directory.Exists(_root) ? []
        : Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Id: Path.GetFileName(path).Split('.')[0]))
            .Where(f => IsId(f.Id) && File.GetLastWriteTimeUtc(f.Path) < cutoff);

    /// <summary>How many photo files the folder holds (tests: nothing stored on a refusal).</summary>
    public int CountFiles() => Directory.Exists(_root) ? Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Count() : 0;

    string PathOf(string id, string contentType, bool thumbnail)
    {
        if (!IsId(id)) throw new ArgumentException($"'{id}' is not a photo id", nameof(id));
        var name = thumbnail ? $"{id}.thumb.jpg" : contentType == "image/png" ? $"{id}.png" : $"{id}.jpg";
        return Path.Combine(_root, id[..2], name);
    }

    static async Task WriteFileAsync(string path, byte[] bytes, CancellationToken cancel)
    {
        var temporary = $"{path}.{NewId()}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancel);
            File.Move(temporary, path);
        }
        finally { File.Delete(temporary); }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdForm();
}
