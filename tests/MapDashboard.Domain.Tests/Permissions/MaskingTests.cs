using MapDashboard.Domain.Permissions;

namespace MapDashboard.Domain.Tests.Permissions;

public class MaskingTests
{
    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张", "*")]
    [InlineData(" 李四 ", "李*")]
    [InlineData("", "")]
    [InlineData("Zhang San", "Z********")]
    [InlineData("👍🏽王五", "👍🏽**")]
    public void A_name_keeps_its_first_character_and_stars_the_rest(string name, string masked) =>
        Assert.Equal(masked, Masking.Name(name));

    [Theory]
    [InlineData("13812347010", "138****7010")]
    [InlineData("0931-8123456", "093*-***3456")]
    [InlineData("+86 138 1234 7010", "+86 1** **** 7010")]
    [InlineData("1234567", "*****67")]
    [InlineData("110", "*10")]
    public void A_phone_number_keeps_three_leading_and_four_trailing_digits(string phone, string masked) =>
        Assert.Equal(masked, Masking.Phone(phone));

    [Theory]
    [InlineData("zhang.san@example.com", "z***@example.com")]
    [InlineData("13912345678", "139****5678")]
    [InlineData("王小明", "王**")]
    public void A_contact_is_masked_as_what_it_is(string contact, string masked) =>
        Assert.Equal(masked, Masking.Contact(contact));

    [Theory]
    [InlineData("雁南路123号5单元301室", "雁南路****")]
    [InlineData("天庆嘉园A区12栋", "天庆嘉园A区****")]
    [InlineData("天庆嘉园小区", "天庆嘉****")]
    public void An_exact_address_keeps_its_coarse_part_and_hides_the_rest_and_its_length(string address, string masked) =>
        Assert.Equal(masked, Masking.Address(address));

    [Theory]
    [InlineData("system:case")]
    [InlineData("demo:dispatcher")]
    [InlineData("open311:client")]
    [InlineData("reporter")]
    [InlineData("620102001003")]
    [InlineData("620102001001-05-1")]
    public void A_system_actor_or_a_unit_code_in_a_name_field_is_no_person_and_stays(string value) =>
        Assert.Equal(value, Masking.Name(value));

    [Theory]
    [InlineData("lead-1", "l*****")]
    [InlineData("system", "s*****")]
    [InlineData("12345", "1****")]
    [InlineData("620102-王", "6*******")]
    public void Anything_else_in_a_name_field_is_masked_as_a_name(string value, string masked) =>
        Assert.Equal(masked, Masking.Name(value));

    [Fact]
    public void Masking_never_returns_the_value_itself_for_a_real_name_phone_or_address()
    {
        Assert.NotEqual("13812347010", Masking.Mask(PersonalKind.Phone, "13812347010"));
        Assert.NotEqual("张三", Masking.Mask(PersonalKind.Name, "张三"));
        Assert.NotEqual("雁南路1号", Masking.Mask(PersonalKind.Address, "雁南路1号"));
        Assert.NotEqual("a@b.cn", Masking.Mask(PersonalKind.Contact, "a@b.cn"));
    }
}
