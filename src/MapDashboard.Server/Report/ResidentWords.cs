using MapDashboard.Server.Options;
using MapDashboard.Server.Photos;

namespace MapDashboard.Server.Report;

/// <summary>
/// The resident door's refusals in the resident's own language: a resident reads the problem on a phone, not a log,
/// so the detail is a sentence in Chinese (the default) or English (the page's switch sends Accept-Language: en).
/// Each refusal also carries a <c>reason</c> code that stays the same in both.
/// </summary>
public sealed class ResidentWords
{
    readonly bool _english;

    ResidentWords(bool english) => _english = english;

    /// <summary>English when the request's first Accept-Language is English, else Chinese.</summary>
    public static ResidentWords For(HttpRequest request) =>
        new(request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase));

    string Say(string zh, string en) => _english ? en : zh;

    public string NoLocation => Say("请在地图上点选问题位置，或使用手机定位", "Tap the map where the problem is, or use your phone's location");
    public string OutsideDistrict => Say("所选位置不在本区范围内，请在本区地图内重新选择", "That place is outside the district; choose a place inside it on the map");
    public string UnknownCategory => Say("请选择列表中的问题类别", "Choose a category from the list");
    public string EmptyDescription => Say("请描述一下问题", "Please describe the problem");
    public string DescriptionTooLong(int max) => Say($"描述不能超过 {max} 个字", $"The description may be at most {max} characters");
    public string BadText(string field) => Say($"{FieldZh(field)}含有无法识别的字符或过长，请修改后重试", $"The {field} holds characters that cannot be read or is too long; correct it and try again");
    public string UnreadableForm => Say("提交的内容无法读取，请重试", "What was sent cannot be read; please try again");
    public string StrayFile(string part) => Say("只能上传照片", $"Only photos can be sent (as '{part}' parts)");
    public string NotFound => Say("没有找到这个上报记录，请检查链接是否完整", "No report was found for this link; check that it is complete");
    public string BadRating => Say("请选择 1 到 5 颗星", "Choose from 1 to 5 stars");
    public string CommentTooLong(int max) => Say($"评价内容不能超过 {max} 个字，且不能含无法识别的字符", $"The comment may be at most {max} characters, without unreadable characters");
    public string AlreadyRated => Say("您已评价过，不能重复评价", "You have already rated this; a report is rated once");
    public string NotResolvedYet => Say("问题办结后才能评价", "You can rate once the problem is resolved");
    public string DuplicateFull => Say("这个问题已有他人上报，照片已满 6 张，请不带照片重新提交", "Someone has reported this problem already and its six photos are taken; send your report without photos");

    /// <summary>A photo refused by the common checks (<see cref="PhotoIntake"/>), worded by what was wrong.</summary>
    public string Photo(PhotoRefusal refusal, PhotoOptions limits)
    {
        var megabytes = limits.MaxBytes / (1024 * 1024);
        var megapixels = limits.MaxPixels / 1_000_000;
        return refusal.Status switch
        {
            _ when refusal.Title == PhotoIntake.TooManyTitle => Say($"最多上传 {limits.MaxPerAction} 张照片", $"At most {limits.MaxPerAction} photos"),
            StatusCodes.Status413PayloadTooLarge => Say($"每张照片不能超过 {megabytes} MB", $"Each photo may be at most {megabytes} MB"),
            StatusCodes.Status415UnsupportedMediaType => Say("只能上传 JPEG、PNG 或 WebP 格式的照片", "Only JPEG, PNG or WebP photos can be sent"),
            StatusCodes.Status422UnprocessableEntity => Say($"照片像素过大（超过 {megapixels} 百万像素）", $"The photo has too many pixels (over {megapixels} megapixels)"),
            _ => Say("照片是空文件，请重新选择", "A photo is an empty file; choose it again"),
        };
    }

    static string FieldZh(string field) => field switch
    {
        "description" => "描述",
        "category" => "类别",
        "comment" => "评价",
        _ => "填写的内容",
    };
}
