namespace Lapor.UnitTests.Architecture.BadHouse.Features.Oversight;

public sealed class AuditLog
{
    public static int Count() => 0;
}
