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

    [Fact]
    public void Verify_ACodeStoredBeforeIterationsWereRecorded_StillSucceeds()
    {
        // "salt.hash" with 100,000 iterations, as stored until December 2026.
        var salt = new byte[16];
        var hash = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2("ABCDEFGHJKMN"u8, salt, 100_000, System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var stored = $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";

        Assert.True(AccessCode.Verify("abcd-efgh-jkmn", stored));
        Assert.False(AccessCode.Verify("ABCD-EFGH-JKMP", stored));
    }

    [Fact]
    public void Hash_RecordsItsSchemeAndIterations()
    {
        var stored = AccessCode.Hash(AccessCode.New());

        Assert.StartsWith("pbkdf2$10000$", stored, StringComparison.Ordinal);
        Assert.True(stored.Length <= 100, "Fits the column.");
    }
}
