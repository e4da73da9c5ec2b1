using System.Collections.Concurrent;
using System.Security.Cryptography;
using MapDashboard.Data.Import;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Import;

/// <summary>
/// The uploads waiting for their "apply": each in a folder of its own, by a random id, with the request its dry
/// run made, for the account that uploaded it and for <see cref="ImportOptions.KeepMinutes"/>. Expired uploads are
/// deleted whenever the store is used. Kept in this server's memory and temporary folder: the apply must reach the
/// server that took the upload.
/// </summary>
public sealed class ImportUploads(IOptions<ImportOptions> options)
{
    public sealed record Upload(string Id, string Folder, ImportRequest Request, string Owner, DateTimeOffset Expires);

    readonly ConcurrentDictionary<string, Upload> _uploads = new();
    readonly string _root = Directory.CreateDirectory(options.Value.Folder is { Length: > 0 } f ? f
        : Path.Combine(Path.GetTempPath(), "mapdashboard-imports")).FullName;

    public ImportOptions Limits => options.Value;

    /// <summary>A fresh folder and the id it will be kept under.</summary>
    public (string Id, string Folder) NewFolder()
    {
        Sweep();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return (id, Directory.CreateDirectory(Path.Combine(_root, id)).FullName);
    }

    public Upload Keep(string id, string folder, ImportRequest request, string owner)
    {
        var upload = new Upload(id, folder, request, owner, DateTimeOffset.UtcNow.AddMinutes(options.Value.KeepMinutes));
        _uploads[id] = upload;
        return upload;
    }

    /// <summary>The upload <paramref name="id"/> of <paramref name="owner"/>, if it is still kept (another account's is not found).</summary>
    public Upload? Find(string id, string owner)
    {
        Sweep();
        return _uploads.TryGetValue(id, out var upload) && upload.Owner == owner ? upload : null;
    }

    public void Discard(string id, string folder)
    {
        _uploads.TryRemove(id, out _);
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { } // already gone, or still open: the next sweep of the temporary folder by the system takes it
    }

    void Sweep()
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var upload in _uploads.Values.Where(u => u.Expires < now).ToList()) Discard(upload.Id, upload.Folder);
    }
}
