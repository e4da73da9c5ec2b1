namespace MapDashboard.Generator.Naming;

/// <summary>Chinese personal names (surname + one or two given characters) and mainland mobile numbers.</summary>
public static class PersonNames
{
    // Common surnames, the most frequent first so they are drawn more often.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
        "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "袁",
        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",
        "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦",
    ];

    private static readonly string[] GivenCharacters =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
        "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "辉", "建", "国", "红", "梅", "鹏", "斌", "宇", "浩",
        "凯", "晨", "欣", "瑞", "雪", "琳", "海", "燕", "峰", "亮", "婷", "慧", "俊", "彬", "志", "德", "春", "荣",
    ];

    public static string Next(Random rng)
    {
        // Early surnames are likelier: squaring a uniform number leans towards the start of the list.
        var u = rng.NextDouble();
        var surname = Surnames[(int)(u * u * Surnames.Length)];
        var given = GivenCharacters[rng.Next(GivenCharacters.Length)];
        return rng.NextDouble() < 0.7 ? surname + given + GivenCharacters[rng.Next(GivenCharacters.Length)] : surname + given;
    }

    public static string Mobile(Random rng)
    {
        string[] prefixes = ["139", "138", "137", "135", "189", "186", "181", "177", "152", "133"];
        return prefixes[rng.Next(prefixes.Length)] + rng.Next(0, 100_000_000).ToString("D8");
    }

    /// <summary>A Lanzhou landline (area code 0931).</summary>
    public static string Landline(Random rng) => "0931-" + rng.Next(8_000_000, 8_999_999);
}
