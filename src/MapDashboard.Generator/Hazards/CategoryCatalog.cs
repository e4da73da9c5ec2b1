using MapDashboard.Generator.Model;

namespace MapDashboard.Generator.Hazards;

/// <summary>The hazard and incident categories named in the seed reports.</summary>
public static class CategoryCatalog
{
    public static IReadOnlyList<Category> All { get; } =
    [
        new("flying_lead_charging", "飞线充电", "Flying-lead e-bike charging", true, true, 1),
        new("low_cable", "线缆低垂", "Low-hanging cable", true, true, 2),
        new("cable_tangle", "空中蜘蛛网", "Overhead cable tangle", true, true, 3),
        new("blocked_drain", "下水道堵塞", "Blocked drain or manhole", true, true, 4),
        new("sewage", "污水外溢", "Sewage overflow", true, true, 5),
        new("roof_leak", "屋面漏水", "Roof leak", true, true, 6),
        new("water_supply", "供水故障", "Water supply failure", true, true, 7),
        new("gas_safety", "燃气安全", "Gas safety", true, true, 8),
        new("electric_safety", "用电安全", "Electrical safety", true, true, 9),
        new("fire_safety", "消防安全", "Fire safety", true, true, 10),
        new("food_safety", "食品安全", "Food safety", true, true, 11),
        new("unsafe_wall", "危墙隐患", "Unsafe wall", true, true, 12),
        new("neighbour_dispute", "邻里纠纷", "Neighbour dispute", false, true, 13),
        new("elevator_installation", "加装电梯", "Elevator installation", false, true, 14),
        new("sanitation", "环境卫生", "Sanitation", true, true, 15),
        new("parking", "停车秩序", "Parking", true, true, 16),
    ];
}
