using Lapor.UnitTests.Architecture.BadHouse.Data;
using Lapor.UnitTests.Architecture.BadHouse.Domain;
using Lapor.UnitTests.Architecture.BadHouse.Features.Oversight;
using Lapor.UnitTests.Architecture.BadHouse.Features.Shared;
using Lapor.UnitTests.Architecture.BadHouse.Infrastructure;

namespace Lapor.UnitTests.Architecture.BadHouse.Features.Citizen;

/// <summary>Bad: calls into the Oversight area, and only inside a lambda (the compiler's closure class).</summary>
public sealed class Filing
{
    public Func<int> Counter() => () => AuditLog.Count() + 1;
}

/// <summary>Good: its own area, Features.Shared and the layers below.</summary>
public sealed class Tracking
{
    public int Page(Filing filing, Ticket ticket) =>
        Paging.Size + new Store().Save(ticket) + filing.Counter()() + Mailer.Sent;
}
