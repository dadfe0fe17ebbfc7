using Lapor.UnitTests.Support;

namespace Lapor.UnitTests.Features.Operators;

/// <summary>The operator is named one way wherever it appears: as a role (admin pages, history) and as a channel (report pages, exports).</summary>
public sealed class OperatorWordingTests
{
    [Theory]
    [InlineData("id", "Operator desa/kelurahan")]
    [InlineData("en", "Village operator")]
    public void RoleAndChannel_ReadTheSame_InSentenceCase(string culture, string expected)
    {
        var t = Localizer.Create(culture);

        Assert.Equal((expected, expected), (t["Role.VillageOperator"].Value, t["Channel.Operator"].Value));
    }
}
