using StrongChain.Docs.Domain.Records;

namespace StrongChain.Docs.Domain.Tests.Records;

public sealed class ValueParsersTests
{
    [Theory]
    [InlineData("2021-01-15")]
    [InlineData("2021-1-15")]
    [InlineData("2021/1/15")]
    [InlineData("2021年1月15日")]
    [InlineData("2021-01-15T00:00:00Z")]
    [InlineData("２０２１－０１－１５")]
    [InlineData(" 2021-01-15 ")]
    public void Dates_in_the_accepted_shapes_are_read(string text)
    {
        Assert.True(ValueParsers.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(2021, 1, 15), date);
    }

    [Theory]
    [InlineData("2021-02-30")]
    [InlineData("15/01/2021")]
    [InlineData("2021.01.15")]
    [InlineData("明年")]
    [InlineData("2021-13-01")]
    [InlineData("")]
    public void Other_date_shapes_are_not(string text) => Assert.False(ValueParsers.TryParseDate(text, out _));

    [Theory]
    [InlineData("120", 120)]
    [InlineData("1,200", 1200)]
    [InlineData("１２０", 120)]
    [InlineData("120人", 120)]
    [InlineData("-3", -3)]
    public void Integers_accept_full_width_digits_and_separators(string text, int expected)
    {
        Assert.True(ValueParsers.TryParseInteger(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,34")]
    [InlineData("1.5")]
    [InlineData("约100")]
    [InlineData("99999999999")]
    public void Other_integers_are_not(string text) => Assert.False(ValueParsers.TryParseInteger(text, out _));

    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("１２３４．５", "1234.5")]
    [InlineData("300万元", "300")]
    [InlineData("300 万", "300")]
    [InlineData("0.00", "0")]
    [InlineData("-1", "-1")]
    public void Amounts_accept_separators_full_width_and_the_unit(string text, string expected)
    {
        Assert.True(ValueParsers.TryParseAmount(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("300元")]
    [InlineData("三百")]
    [InlineData(".5")]
    [InlineData("1,23.00")]
    public void Amounts_with_more_than_two_decimals_or_other_units_are_not(string text) =>
        Assert.False(ValueParsers.TryParseAmount(text, out _));
}
