using Lapor.UnitTests.Architecture.BadHouse.Features.Oversight;
using Lapor.UnitTests.Architecture.BadHouse.Operations;

namespace Lapor.UnitTests.Architecture.BadHouse.Infrastructure;

/// <summary>Bad: a technical service calling up into a feature area and into the tools.</summary>
public sealed class Mailer
{
    public static int Sent { get; private set; }

    public int Send(string text) => Sent += text.Length + AuditLog.Count() + DemoSeed.Planted();
}
