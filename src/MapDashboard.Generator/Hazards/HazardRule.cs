using MapDashboard.Generator.Model;
using MapDashboard.Generator.Organisations;

namespace MapDashboard.Generator.Hazards;

/// <summary>Where a category's hazards appear, who answers for them, and how a patrol describes them.</summary>
public sealed record HazardRule(
    string Category,
    double Weight,
    bool AtBuilding,
    Func<Building?, OrganisationCatalog, Random, string?> Owner,
    IReadOnlyList<string> Descriptions)
{
    public static IReadOnlyList<HazardRule> All { get; } =
    [
        new("flying_lead_charging", 14, true, (b, _, _) => b?.ManagerCode ?? b?.OwnerCode, ["{0}单元门口电动车飞线充电", "{0}三楼窗口垂下充电线", "{0}楼道内私拉电线给电动车充电"]),
        new("low_cable", 7, false, (_, o, r) => r.NextDouble() < 0.5 ? o.Power : r.Pick(o.Telecoms), ["路口线缆低垂，距地面不足3米", "废弃通信线缆垂落至人行道"]),
        new("cable_tangle", 9, false, (_, o, r) => r.Pick(o.Telecoms), ["电杆上通信线缆杂乱缠绕（空中蜘蛛网）", "巷道上空多家运营商线缆交织"]),
        new("blocked_drain", 9, false, (_, o, _) => o.MunicipalWorks, ["雨水篦子堵塞，雨天积水", "检查井盖破损下水不畅"]),
        new("sewage", 7, false, (_, o, _) => o.Water, ["污水井冒溢，路面污水横流", "化粪池满溢，异味严重"]),
        new("roof_leak", 8, true, (b, _, _) => b?.OwnerCode, ["{0}顶层屋面防水层老化漏水", "{0}楼顶雨水管破裂渗漏"]),
        new("water_supply", 6, true, (_, o, _) => o.Water, ["{0}二次供水水泵故障，三楼以上无水", "{0}供水管道老化爆管"]),
        new("gas_safety", 6, true, (_, o, _) => o.Gas, ["{0}燃气立管锈蚀", "{0}住户燃气软管超期使用"]),
        new("electric_safety", 6, true, (_, o, _) => o.Power, ["{0}配电箱门损坏，线路裸露", "{0}楼道电表箱私接乱拉"]),
        new("fire_safety", 8, true, (b, _, _) => b?.ManagerCode ?? b?.OwnerCode, ["{0}消防通道堆放杂物", "{0}楼道灭火器过期"]),
        new("food_safety", 4, true, (_, o, _) => o.MarketOffice, ["{0}周边流动摊点无证经营", "{0}底商餐饮油烟直排"]),
        new("unsafe_wall", 5, false, (_, o, r) => r.NextDouble() < 0.5 ? o.Housing : o.StateProperty, ["院墙开裂倾斜，存在倒塌风险", "围墙遮挡路口视线"]),
        new("sanitation", 6, false, (_, o, _) => o.Sanitation, ["垃圾收集点满溢未清运", "绿化带内建筑垃圾乱堆"]),
        new("parking", 5, false, (_, o, _) => o.MunicipalWorks, ["机动车占用消防通道停放", "共享单车堆积堵塞人行道"]),
    ];
}
