using MapDashboard.Generator.Layout;
using MapDashboard.Generator.Model;
using MapDashboard.Generator.Naming;

namespace MapDashboard.Generator.Organisations;

/// <summary>
/// Everyone who can own, manage or adopt something: property companies, the 28 co-building units (共驻共建单位),
/// utilities, the three telecom operators, municipal works, the market office, the railway, old work units and
/// the institutions behind the dedicated grids.
/// </summary>
public sealed class OrganisationCatalog
{
    private readonly List<Organisation> _all = [];
    private readonly Dictionary<string, string> _institutions = [];
    private readonly Random _rng;

    private OrganisationCatalog(Random rng) => _rng = rng;

    public IReadOnlyList<Organisation> All => _all;
    public List<string> PropertyCompanies { get; } = [];
    public List<string> CoBuildingUnits { get; } = [];
    public List<string> Telecoms { get; } = [];
    public List<string> WorkUnits { get; } = [];
    public required string Water { get; init; }
    public required string Power { get; init; }
    public required string Gas { get; init; }
    public required string MunicipalWorks { get; init; }
    public required string MarketOffice { get; init; }
    public required string Housing { get; init; }
    public required string Sanitation { get; init; }
    public required string Railway { get; init; }

    /// <summary>The state property company that took over the railway's old compounds (the disputed wall's story).</summary>
    public required string StateProperty { get; init; }

    public string InstitutionCode(string institutionName) => _institutions[institutionName];

    public static OrganisationCatalog Build(TerritoryPlan plan, Random rng)
    {
        var counters = new Dictionary<string, int>();
        OrganisationCatalog? catalog = null;
        string Add(string name, string kind, string prefix)
        {
            var n = counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            var code = $"{prefix}-{n:D2}";
            catalog!._all.Add(new Organisation(code, name, kind, PersonNames.Landline(catalog._rng)));
            return code;
        }

        catalog = new OrganisationCatalog(rng)
        {
            StateProperty = "PC-01", Water = "UT-01", Power = "UT-02", Gas = "UT-03",
            MunicipalWorks = "GV-01", MarketOffice = "GV-02", Housing = "GV-03", Sanitation = "GV-04", Railway = "RW-01",
        };
        Add("兰州城关国有资产经营有限公司", OrganisationKinds.PropertyCompany, "PC");
        catalog.PropertyCompanies.Add(catalog.StateProperty);
        var propertyCompanies = Math.Max(8, plan.Communities.Count / 3);
        for (var k = 1; k < propertyCompanies; k++)
            catalog.PropertyCompanies.Add(Add(PropertyCompanyName(k), OrganisationKinds.PropertyCompany, "PC"));

        foreach (var name in CoBuildingUnitNames)
            catalog.CoBuildingUnits.Add(Add(name, OrganisationKinds.CoBuildingUnit, "CB"));

        Add("兰州威立雅水务（集团）有限责任公司", OrganisationKinds.Utility, "UT");
        Add("国网兰州供电公司", OrganisationKinds.Utility, "UT");
        Add("兰州中石油昆仑燃气有限公司", OrganisationKinds.Utility, "UT");
        Add("兰州热力集团有限公司", OrganisationKinds.Utility, "UT");
        foreach (var name in (string[])["中国移动兰州分公司", "中国联通兰州分公司", "中国电信兰州分公司"])
            catalog.Telecoms.Add(Add(name, OrganisationKinds.Telecom, "TC"));
        Add("城关区市政工程管理所", OrganisationKinds.Government, "GV");
        Add("城关区市场服务中心", OrganisationKinds.Government, "GV");
        Add("城关区房产管理所", OrganisationKinds.Government, "GV");
        Add("城关区环境卫生管理所", OrganisationKinds.Government, "GV");
        Add("中国铁路兰州局集团有限公司", OrganisationKinds.Railway, "RW");
        foreach (var name in WorkUnitNames)
            catalog.WorkUnits.Add(Add(name, OrganisationKinds.Enterprise, "EN"));

        foreach (var grid in plan.Grids.Where(g => g.Purpose is not null))
        {
            var prefix = grid.Purpose!.OrganisationKind switch { OrganisationKinds.School => "SC", OrganisationKinds.Market => "MK", _ => "EN" };
            catalog._institutions[grid.InstitutionName!] = Add(grid.InstitutionName!, grid.Purpose.OrganisationKind, prefix);
        }
        return catalog;
    }

    private static string PropertyCompanyName(int k) => k <= KnownPropertyCompanies.Length
        ? KnownPropertyCompanies[k - 1]
        : $"兰州{NamePools.Place(k)}物业服务有限公司";

    private static readonly string[] KnownPropertyCompanies =
    [
        "甘肃天庆物业管理有限公司", "兰州雁滩物业服务有限公司", "兰州安居物业服务有限公司", "甘肃建投物业管理有限公司",
        "兰州万达物业服务有限公司", "兰州城关物业服务集团有限公司", "兰州金城物业管理有限公司",
    ];

    // 28 co-building units (共驻共建单位) that adopt grids, compounds and courtyards.
    private static readonly string[] CoBuildingUnitNames =
    [
        "城关区人民法院", "城关区人民检察院", "城关区税务局", "兰州市第一人民医院", "甘肃省人民医院", "兰州大学第二医院",
        "中国银行兰州城关支行", "中国工商银行雁滩支行", "中国建设银行东岗支行", "中国农业银行拱星墩支行",
        "兰州市公安局城关分局", "城关区消防救援大队", "甘肃省交通运输厅", "甘肃省统计局", "兰州市城市管理局",
        "城关区教育局", "城关区卫生健康局", "城关区住房和城乡建设局", "城关区民政局", "兰州日报社", "甘肃广播电视台",
        "兰州市气象局", "兰州海关", "中国邮政兰州市分公司", "兰州市图书馆", "甘肃省博物馆", "兰州交通大学", "西北民族大学",
    ];

    // Old work units (单位大院) that still hold title to the compounds they built.
    private static readonly string[] WorkUnitNames = ["兰州石化公司", "兰州第三毛纺厂", "兰州机床厂", "兰州电机厂", "兰州化学工业公司"];
}
