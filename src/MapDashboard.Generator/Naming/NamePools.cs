namespace MapDashboard.Generator.Naming;

/// <summary>Place names that sound like Lanzhou's Chengguan district; pools run out, so later names get a suffix.</summary>
public static class NamePools
{
    // Chengguan's real streets (街道), in no particular order.
    private static readonly string[] Streets =
    [
        "雁南", "拱星墩", "东岗西路", "盐场路", "靖远路", "酒泉路", "张掖路", "白银路", "皋兰路", "广武门",
        "伏龙坪", "五泉", "铁路东村", "铁路西村", "渭源路", "火车站", "临夏路", "团结新村", "嘉峪关路", "焦家湾",
        "东岗", "雁北", "草场街", "青白石", "高滩", "天水路", "民主路", "南河道",
    ];

    // Stems for communities, compounds and roads.
    private static readonly string[] Places =
    [
        "雁宁", "雁兴", "宋家滩", "段家滩", "南河滩", "东湖", "天河", "盘旋路", "五里铺", "红山根",
        "平凉路", "民勤街", "甘南路", "定西路", "南关", "西关", "水车园", "东部市场", "铁路新村", "秦安路",
        "庆阳路", "永昌路", "武都路", "中山路", "静宁路", "滩尖子", "柏树巷", "通渭路", "陇西路", "金昌路",
        "畅家巷", "小稍门", "大众巷", "佛慈", "和政路", "读者", "兰石", "黄河", "天庆", "安宁",
        "渭源", "榆中", "皋兰", "广河", "临洮", "会宁", "民乐", "山丹", "高台", "肃州",
    ];

    private static readonly string[] Suffixes = ["", "东", "西", "南", "北", "新", "中"];

    private static readonly string[] CompoundKinds = ["小区", "家属院", "花园", "新村", "佳苑", "嘉园", "公寓", "大院"];

    public static string StreetName(int index) => Numbered(Streets, index) + "街道";

    /// <summary><paramref name="count"/> distinct community names, none of them in <paramref name="skip"/>.</summary>
    public static IReadOnlyList<string> CommunityNames(int count, IEnumerable<string> skip)
    {
        var taken = new HashSet<string>(skip);
        var names = new List<string>(count);
        for (var k = 0; names.Count < count; k++)
        {
            var name = Numbered(Places, k) + "社区";
            if (taken.Add(name)) names.Add(name);
        }
        return names;
    }

    public static string CompoundName(int index)
    {
        var stem = Places[index % Places.Length];
        var kind = CompoundKinds[(index / Places.Length + index) % CompoundKinds.Length];
        var round = index / (Places.Length * CompoundKinds.Length);
        return round == 0 ? stem + kind : $"{stem}{kind}{round + 1}期";
    }

    public static string Place(int index) => Numbered(Places, index);

    /// <summary>The short name of a community: 天庆嘉园社区 → 天庆嘉园.</summary>
    public static string ShortCommunityName(string community) =>
        community.EndsWith("社区", StringComparison.Ordinal) ? community[..^2] : community;

    private static string Numbered(string[] pool, int index)
    {
        var round = index / pool.Length;
        var stem = pool[index % pool.Length];
        return round < Suffixes.Length ? stem + Suffixes[round] : stem + (round + 1);
    }
}
