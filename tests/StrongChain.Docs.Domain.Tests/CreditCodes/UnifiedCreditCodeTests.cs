using StrongChain.Docs.Domain.CreditCodes;

namespace StrongChain.Docs.Domain.Tests.CreditCodes;

public sealed class UnifiedCreditCodeTests
{
    [Theory]
    [InlineData("12100000400000624D")] // 清华大学 (published)
    [InlineData("91110108MA01XY3K5A")]
    [InlineData("91310115MA1K3YJ22H")]
    [InlineData("52110000MA0001234L")] // 民政: social organisation
    public void Real_world_shaped_codes_are_valid(string code)
    {
        var parsed = UnifiedCreditCode.Parse(code);

        Assert.True(parsed.IsValid);
        Assert.Equal(CreditCodeStatus.Valid, parsed.Status);
        Assert.Equal(code, parsed.Value);
    }

    [Fact]
    public void Check_character_is_computed_from_the_first_17()
    {
        Assert.Equal('D', UnifiedCreditCode.ComputeCheckCharacter("12100000400000624"));
        Assert.Equal('A', UnifiedCreditCode.ComputeCheckCharacter("91110108MA01XY3K5"));
    }

    [Fact]
    public void Check_value_31_maps_to_zero()
    {
        // Find a prefix whose weighted sum is a multiple of 31 by varying the last organisation character.
        var prefix = Enumerable.Range(0, 31)
            .Select(i => "9111010800000000" + UnifiedCreditCode.Alphabet[i])
            .First(p => UnifiedCreditCode.ComputeCheckCharacter(p) == '0');

        Assert.True(UnifiedCreditCode.Parse(prefix + "0").IsValid);
    }

    [Fact]
    public void Parts_are_read_by_position()
    {
        var code = UnifiedCreditCode.Parse("91110108MA01XY3K5A");

        Assert.Equal('9', code.Authority);
        Assert.Equal('1', code.Category);
        Assert.Equal("110108", code.Division);
        Assert.Equal("11", code.ProvinceCode);
        Assert.Equal("MA01XY3K5", code.OrganisationCode);
        Assert.Equal('A', code.CheckCharacter);
        Assert.False(code.IsIndividualBusiness);
        Assert.True(code.IsMainland);
    }

    [Fact]
    public void Wrong_check_character_is_a_checksum_mismatch()
    {
        var code = UnifiedCreditCode.Parse("91110108MA01XY3K5B");

        Assert.Equal(CreditCodeStatus.ChecksumMismatch, code.Status);
        Assert.True(code.IsWellFormed);
        Assert.Equal('A', code.ExpectedCheckCharacter);
    }

    [Theory]
    [InlineData("91110108MA01XY3K5", CreditCodeStatus.WrongLength)]
    [InlineData("91110108MA01XY3K5AA", CreditCodeStatus.WrongLength)]
    [InlineData("91110108MI01XY3K5A", CreditCodeStatus.InvalidCharacter)] // I
    [InlineData("91110108MO01XY3K5A", CreditCodeStatus.InvalidCharacter)] // O
    [InlineData("91110108MZ01XY3K5A", CreditCodeStatus.InvalidCharacter)] // Z
    [InlineData("91110108MS01XY3K5A", CreditCodeStatus.InvalidCharacter)] // S
    [InlineData("91110108MV01XY3K5A", CreditCodeStatus.InvalidCharacter)] // V
    [InlineData("91110108MA01XY3K5-", CreditCodeStatus.InvalidCharacter)]
    [InlineData("", CreditCodeStatus.Empty)]
    [InlineData("   ", CreditCodeStatus.Empty)]
    [InlineData(null, CreditCodeStatus.Empty)]
    public void Malformed_codes_say_why(string? input, CreditCodeStatus status)
    {
        var code = UnifiedCreditCode.Parse(input);

        Assert.Equal(status, code.Status);
        Assert.False(code.IsValid);
        Assert.Null(code.Division);
    }

    [Fact]
    public void Full_width_lower_case_and_spaced_input_is_normalised()
    {
        var code = UnifiedCreditCode.Parse("　９１１１０１０８ｍａ０１ xy3k5a ");

        Assert.True(code.IsValid);
        Assert.Equal("91110108MA01XY3K5A", code.Value);
    }

    [Fact]
    public void Individual_business_code_is_not_a_legal_person()
    {
        Assert.True(UnifiedCreditCode.Parse("92110108MA00ABC12F").IsIndividualBusiness);
        Assert.False(UnifiedCreditCode.Parse("91110108MA01XY3K5A").IsIndividualBusiness);
    }

    [Theory]
    [InlineData("71")]
    [InlineData("81")]
    [InlineData("82")]
    public void Taiwan_Hong_Kong_and_Macao_divisions_are_not_mainland(string province)
    {
        var code = FilledFormBuilderCode($"91{province}0000MA0012345");

        Assert.False(UnifiedCreditCode.Parse(code).IsMainland);
    }

    [Fact]
    public void Compute_rejects_a_prefix_that_is_not_17_allowed_characters()
    {
        Assert.Throws<ArgumentException>(() => UnifiedCreditCode.ComputeCheckCharacter("9111"));
        Assert.Throws<ArgumentException>(() => UnifiedCreditCode.ComputeCheckCharacter("91110108MI01XY3K5"));
    }

    private static string FilledFormBuilderCode(string first17) => first17 + UnifiedCreditCode.ComputeCheckCharacter(first17);
}
