using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class AccessCodeTests
{
    [Fact]
    public void Verify_TheIssuedCode_Succeeds_WhateverCaseOrDashes()
    {
        var code = AccessCode.New();
        var hash = AccessCode.Hash(code);

        Assert.True(AccessCode.Verify(code, hash));
        Assert.True(AccessCode.Verify(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), hash));
    }

    [Fact]
    public void Verify_AnotherCode_Fails()
    {
        Assert.False(AccessCode.Verify(AccessCode.New(), AccessCode.Hash(AccessCode.New())));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bukan-hash")]
    public void Verify_MissingOrMalformedHash_Fails(string? stored)
    {
        Assert.False(AccessCode.Verify("ABCD-EFGH-JKMN", stored));
    }

    [Fact]
    public void Hash_IsSaltedAndNeverContainsTheCode()
    {
        var code = AccessCode.New();

        var first = AccessCode.Hash(code);
        var second = AccessCode.Hash(code);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), first, StringComparison.Ordinal);
    }
}
