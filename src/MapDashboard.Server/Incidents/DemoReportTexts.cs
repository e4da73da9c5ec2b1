namespace MapDashboard.Server.Incidents;

/// <summary>
/// What the demo's residents write, per incident category, in their own words: a demo report's description must
/// fit the category it was filed under (a 屋面漏水 report that read "单元门口电线垂得很低" told a duty officer the
/// demo was dice). A category added later without texts gets a plain one naming its Chinese name, never another
/// category's story.
/// </summary>
public static class DemoReportTexts
{
    static readonly IReadOnlyDictionary<string, string[]> ByCategory = new Dictionary<string, string[]>
    {
        ["flying_lead_charging"] = ["楼道里有人飞线充电", "三楼窗户吊下来一根电线给电动车充电", "单元门口电动车拉线充电，晚上一直插着"],
        ["low_cable"] = ["单元门口电线垂得很低", "路口一根电线垂下来，快碰到人头了", "小区门口通信线掉下来挂在树上"],
        ["cable_tangle"] = ["电线杆上的线缠成一团，像蜘蛛网", "巷子上空线缆乱拉，好几家的线缠在一起"],
        ["blocked_drain"] = ["下水井盖堵塞冒水", "雨水篦子堵了，一下雨门口就积水", "楼下下水道堵了，厨房水下不去"],
        ["sewage"] = ["污水井往外冒，路上全是脏水", "化粪池满了，楼下味道很大"],
        ["roof_leak"] = ["顶楼屋顶漏水，下雨天家里滴水", "楼顶防水坏了，墙面一直渗水", "屋面漏水，天花板都泡坏了"],
        ["water_supply"] = ["三楼以上没有水", "水泵坏了，从早上停水到现在", "自来水管爆了，楼下一直在流水"],
        ["gas_safety"] = ["楼道里闻到燃气味", "燃气管生锈很厉害，担心漏气"],
        ["electric_safety"] = ["楼道电表箱门坏了，电线露在外面", "配电箱冒火花，晚上有响声"],
        ["fire_safety"] = ["消防通道被杂物堵住了", "楼道灭火器过期了，没人换", "楼梯间堆满纸箱，怕着火"],
        ["food_safety"] = ["小区门口流动摊点卖熟食，没有证", "楼下饭馆油烟直排，窗户都不敢开"],
        ["unsafe_wall"] = ["院墙裂了一条大缝，往外歪", "市场出口的围墙挡住视线，差点撞到人"],
        ["neighbour_dispute"] = ["邻居噪音扰民，半夜还在装修", "楼上漏水到我家，邻居不管", "邻居家的狗天天在楼道里叫"],
        ["elevator_installation"] = ["加装电梯的事，一楼住户不同意，吵起来了", "单元想装电梯，费用分摊谈不拢"],
        ["sanitation"] = ["垃圾没有清运", "垃圾点满了好几天，苍蝇很多", "绿化带里倒了一堆建筑垃圾"],
        ["parking"] = ["小区门口乱停车", "有车堵在消防通道上", "共享单车堆在人行道上过不去"],
    };

    /// <summary>The texts a demo resident may write under <paramref name="category"/>.</summary>
    public static IReadOnlyList<string> For(string category, string categoryNameZh) =>
        ByCategory.TryGetValue(category, out var texts) ? texts : [$"发现{categoryNameZh}问题，请尽快处理"];

    public static IEnumerable<string> Categories => ByCategory.Keys;
}
