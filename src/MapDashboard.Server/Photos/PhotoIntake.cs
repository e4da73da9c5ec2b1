using System.Globalization;
using MapDashboard.Data.Photos;
using MapDashboard.Server.Options;
using Microsoft.Extensions.Options;

namespace MapDashboard.Server.Photos;

/// <summary>A refused upload: the status and a detail naming every file at fault and what is wrong with it.</summary>
public sealed record PhotoRefusal(int Status, string Title, string Detail);

/// <summary>
/// The checks and cleaning every uploaded photo passes, whichever door it came through (the incident photos endpoint,
/// Open311's media): count, size, format by its bytes, pixels, then re-encoding (<see cref="PhotoCleaner"/>). All or
/// nothing: one bad file refuses the request and nothing is written. Then the cleaned files are written to the folder
/// (<see cref="SaveAsync"/>) before their rows, and removed again (<see cref="Discard"/>) if the rows are refused.
/// </summary>
public sealed class PhotoIntake(PhotoCleaner cleaner, PhotoFolder folder, IOptions<PhotoOptions> options)
{
    readonly PhotoOptions _options = options.Value;

    public int MaxPerAction => _options.MaxPerAction;

    /// <summary>The title of a refusal for too many photos (a door that words refusals itself tells it apart by this).</summary>
    public const string TooManyTitle = "Too many photos";

    /// <summary>The limits every photo is checked against.</summary>
    public PhotoOptions Limits => _options;

    /// <summary>
    /// Every file checked and cleaned, or the refusal. <paramref name="existing"/>: photos the step holds already;
    /// <paramref name="part"/>: the form's name for a photo ("photo", Open311's "media"), used in the messages.
    /// </summary>
    public async Task<(IReadOnlyList<CleanedPhoto>? Photos, PhotoRefusal? Refusal)> CleanAsync(IReadOnlyList<IFormFile> files, string part,
        int existing, CancellationToken cancel)
    {
        var limit = _options.MaxPerAction;
        if (files.Count > limit)
            return (null, new(StatusCodes.Status400BadRequest, TooManyTitle,
                $"{files.Count} '{part}' files were sent; at most {limit} photos belong to one step"));
        if (existing + files.Count > limit)
            return (null, new(StatusCodes.Status409Conflict, TooManyTitle,
                $"this step already has {existing} photo(s); {files.Count} more would make {existing + files.Count}, and the limit is {limit} per step"));

        var faults = new List<(int Status, string Message)>();
        var cleaned = new List<CleanedPhoto>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var name = $"'{part}' file {i + 1} ({Describe(file.FileName)})";
            if (file.Length == 0) { faults.Add((StatusCodes.Status400BadRequest, $"{name} is empty")); continue; }
            if (file.Length > _options.MaxBytes)
            {
                faults.Add((StatusCodes.Status413PayloadTooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"{name} is {file.Length:N0} bytes; the limit is {_options.MaxBytes:N0} bytes per photo")));
                continue;
            }
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(bytes, cancel);
            var (photo, fault) = await cleaner.CleanAsync(bytes, cancel);
            if (photo is not null) cleaned.Add(photo);
            else faults.Add((fault!.TooLarge ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status415UnsupportedMediaType, $"{name}: {fault.Reason}"));
        }
        if (faults.Count == 0) return (cleaned, null);
        return (null, new(faults[0].Status, faults.Count == 1 ? "Photo refused" : "Photos refused",
            string.Join("; ", faults.Select(f => f.Message)) + "; nothing was stored"));
    }

    /// <summary>Writes the cleaned photos' files under new ids; the rows to insert for them.</summary>
    public async Task<IReadOnlyList<PhotoRow>> SaveAsync(IReadOnlyList<CleanedPhoto> photos, CancellationToken cancel)
    {
        var rows = new List<PhotoRow>();
        try
        {
            foreach (var photo in photos)
            {
                var row = new PhotoRow(PhotoFolder.NewId(), photo.ContentType, photo.Uploaded.Name(), photo.Picture.Length, photo.Width, photo.Height,
                    photo.Thumbnail.Length, photo.ThumbnailWidth, photo.ThumbnailHeight);
                rows.Add(row);
                await folder.WriteAsync(row.Id, row.ContentType, photo.Picture, photo.Thumbnail, cancel);
            }
            return rows;
        }
        catch
        {
            Discard(rows);
            throw;
        }
    }

    /// <summary>Removes the files of rows that were not stored.</summary>
    public void Discard(IEnumerable<PhotoRow> rows)
    {
        foreach (var row in rows) folder.Delete(row.Id, row.ContentType);
    }

    /// <summary>A client's file name as a refusal may quote it: printable, at most 60 characters (it is only a hint for the sender).</summary>
    static string Describe(string? fileName)
    {
        var printable = new string((fileName ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(60).ToArray());
        return printable.Length == 0 ? "no name" : $"\"{printable}\"";
    }
}
