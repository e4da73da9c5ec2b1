namespace MapDashboard.Generator.Layout;

/// <summary>What a dedicated grid (专属网格) serves: its buildings' use and the kind of organisation that runs it.</summary>
public sealed record DedicatedPurpose(string Label, string BuildingUse, string OrganisationKind, IReadOnlyList<string> KnownNames, string NameSuffix)
{
    public static IReadOnlyList<DedicatedPurpose> All { get; } =
    [
        new("商场", "commercial", "enterprise", ["国芳百货雁滩店", "万达广场城关店", "西单商场兰州店", "中心广场购物中心"], "购物中心"),
        new("学校", "school", "school", ["兰州市第十中学", "城关区雁南小学", "拱星墩小学", "兰州市第五十五中学"], "小学"),
        new("企业", "industrial", "enterprise", ["兰州佛慈制药有限公司", "兰州三毛实业有限公司", "兰州黄河啤酒厂", "甘肃长风电子科技公司"], "实业有限公司"),
        new("市场", "market", "market", ["雁滩农贸市场", "东部综合批发市场", "焦家湾农贸市场", "拱星墩农贸市场"], "农贸市场"),
    ];

    /// <summary>The k-th institution of this purpose: the real-sounding ones first, then generated ones.</summary>
    public string InstitutionName(int k) =>
        k < KnownNames.Count ? KnownNames[k] : Naming.NamePools.Place(k - KnownNames.Count) + NameSuffix;
}
